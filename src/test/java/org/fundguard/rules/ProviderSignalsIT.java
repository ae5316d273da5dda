package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One provider's signals for a self-inspection, read from the real signals index: only its own, of the rules asked,
 * not suppressed, of runs overlapping the period with evidence in its months; a subject that two overlapping runs
 * found is listed once.
 */
@IntegrationTest
class ProviderSignalsIT {

	@Autowired
	SignalSearch search;

	@Autowired
	SignalIndex index;

	@Autowired
	ElasticJson elastic;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aProvidersSignalsOfTheRulesAndPeriodOnlyEachSubjectOnce() {
		String provider = "H9" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 10);
		String other = provider + "X";
		index.ensure();
		put("price-over-ceiling", provider, "S1|A", "2026-01-01", "2026-06-30", "2026-03", 500, false);
		put("price-over-ceiling", provider, "S1|A", "2026-01-01", "2026-12-31", "2026-03", 500, false);
		put("price-over-ceiling", provider, "S2|B", "2026-01-01", "2026-12-31", "2026-05", 80, false);
		put("quantity-over-limit", provider, "S3|C", "2026-01-01", "2026-06-30", "2026-02", 70, false);
		put("price-over-ceiling", other, "S4|D", "2026-01-01", "2026-06-30", "2026-02", 60, false);
		put("price-over-ceiling", provider, "S5|E", "2026-01-01", "2026-06-30", "2026-02", 50, true);
		put("price-over-ceiling", provider, "S6|F", "2026-01-01", "2026-12-31", "2026-09", 40, false);
		put("price-over-ceiling", provider, "S7|G", "2025-01-01", "2025-12-31", "2025-03", 30, false);
		index.refresh();

		List<Signal> found = search.ofProvider(provider, List.of("price-over-ceiling"), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 6, 30));

		assertThat(found).extracting(Signal::subjectKey).containsExactly("S1|A", "S2|B");
		assertThat(found.getFirst().money()).isEqualByComparingTo(new BigDecimal("500"));
		assertThat(search.ofProvider(provider, List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))).isEmpty();
	}

	private void put(String rule, String provider, String subject, String from, String to, String month, double money,
			boolean suppressed) {
		ObjectNode doc = json.createObjectNode().put("run_id", "it").put("rule_id", rule).put("rule_version", 1)
			.put("severity", "medium").put("subject_type", "settlement+item").put("subject_key", subject)
			.put("party_type", "provider").put("party_key", provider).put("lead_id", "lead-" + provider)
			.put("window_from", from).put("window_to", to).put("month", month).put("description", "测试")
			.put("money", money).put("suppressed", suppressed);
		String id = rule + "|" + subject + "|" + from + ".." + to + "|" + provider;
		elastic.send("PUT", "/" + index.alias() + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8), doc.toString());
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The queries and judgements the templates make from a definition. */
class RuleTemplateTest {

	static final ObjectMapper JSON = new ObjectMapper();
	static final Window SEPTEMBER = new Window(LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30));

	private static RuleTemplate template(JsonNode d) {
		return DefinitionCheck.check(d).template();
	}

	@Test
	void aLineConditionQueriesTheItemsTheConditionsAndTheWindow() throws Exception {
		RuleTemplate t = template(DefinitionCheckTest.childOnly("child-only-x", "XA01"));
		JsonNode q = JSON.readTree(t.lineQuery(SEPTEMBER, List.of(), FeeLines.MEDICAL_REGION));
		assertThat(q.at("/bool/filter/0/terms/item_code/0").asText()).isEqualTo("XA01");
		assertThat(q.at("/bool/filter/1/range/age_at_visit/gt").asDouble()).isEqualTo(17.0);
		assertThat(q.at("/bool/filter/2/range/visit_start/gte").asText()).isEqualTo("2021-09-01");
		assertThat(q.at("/bool/filter").size()).isEqualTo(3);
		assertThat(JSON.readTree(t.lineQuery(SEPTEMBER, List.of("3703"), FeeLines.MEDICAL_REGION)).at("/bool/filter/3/bool/should/0/prefix/medical_region")
			.asText()).isEqualTo("3703");
	}

	@Test
	void negativeConditionsNeedTheFieldPresent() throws Exception {
		JsonNode q = JSON.readTree(new RuleTemplate.Condition("gender", "ne", List.of("2")).query());
		assertThat(q.at("/bool/filter/0/exists/field").asText()).isEqualTo("gender");
		assertThat(q.at("/bool/must_not/0/term/gender").asText()).isEqualTo("2");
		JsonNode prefix = JSON.readTree(new RuleTemplate.Condition("diag_code", "not_prefix", List.of("N18", "N17")).query());
		assertThat(prefix.at("/bool/must_not/0/bool/should").size()).isEqualTo(2);
		JsonNode in = JSON.readTree(new RuleTemplate.Condition("med_type", "in", List.of("11", "21")).query());
		assertThat(in.at("/terms/med_type").size()).isEqualTo(2);
	}

	@Test
	void itemsByACatalogueColumnQueryThatColumn() throws Exception {
		var d = DefinitionCheckTest.childOnly("child-only-x", "XA01");
		((com.fasterxml.jackson.databind.node.ObjectNode) d.at("/evaluator/template/items")).put("by", "field").put("field", "item_type");
		assertThat(JSON.readTree(template(d).items().query()).at("/terms/item_type/0").asText()).isEqualTo("XA01");
	}

	@Test
	void aPeriodCountGroupsByPersonAndPeriodAndJudgesAboveTheLimitOnly() throws Exception {
		RuleTemplate t = template(DefinitionCheckTest.periodCount());
		JsonNode sources = JSON.readTree(PeriodCountRule.sources(t));
		assertThat(sources.size()).isEqualTo(2);
		assertThat(sources.at("/1/t/date_histogram/calendar_interval").asText()).isEqualTo("1d");
		JsonNode exactly = JSON.readTree("""
				{"key":{"a":"P1","t":"2021-09-02"},"doc_count":1,"q":{"value":1},"m":{"value":400},"d":{"value":1},
				 "f":{"value_as_string":"2021-09-02"},"s":{"buckets":[{"key":"S1"}]}}""");
		assertThat(PeriodCountRule.judge(t, 1, exactly)).as("exactly the limit is not a hit").isNull();
		JsonNode over = JSON.readTree("""
				{"key":{"a":"P1","t":"2021-09-02"},"doc_count":2,"q":{"value":2},"m":{"value":800},"d":{"value":1},
				 "f":{"value_as_string":"2021-09-02"},"s":{"buckets":[{"key":"S1"},{"key":"S2"}]}}""");
		Hit hit = PeriodCountRule.judge(t, 1, over);
		assertThat(hit.subjectKey()).isEqualTo("P1|2021-09-02");
		assertThat(hit.partyKey()).isEqualTo("P1");
		assertThat(hit.measured()).isEqualTo(2.0);
		assertThat(hit.money()).isEqualTo(400.0);
		assertThat(hit.settlementIds()).containsExactly("S1", "S2");
		assertThat(hit.month()).isEqualTo("2021-09");
	}

	@Test
	void aPeriodCountPerProviderAddsTheProviderToTheSubject() throws Exception {
		var d = DefinitionCheckTest.periodCount();
		((com.fasterxml.jackson.databind.node.ObjectNode) d.at("/evaluator/template")).put("per", "person+provider").put("measure", "days");
		RuleTemplate t = template(d);
		assertThat(JSON.readTree(PeriodCountRule.sources(t)).size()).isEqualTo(3);
		JsonNode b = JSON.readTree("""
				{"key":{"a":"P1","v":"H1","t":"2021-09-02"},"doc_count":5,"q":{"value":5},"m":{"value":500},"d":{"value":3},
				 "f":{"value_as_string":"2021-09-02"},"s":{"buckets":[]}}""");
		Hit hit = PeriodCountRule.judge(t, 2, b);
		assertThat(hit.subjectKey()).isEqualTo("P1|H1|2021-09-02");
		assertThat(hit.measured()).isEqualTo(3.0);
	}

	@Test
	void aPeerShareScoresTheProvidersAgainstTheirPeers() {
		var d = DefinitionCheckTest.childOnly("genetic-share", "XA01");
		d.put("subject_type", "provider").put("region_scope", "provider_region");
		var t0 = (com.fasterxml.jackson.databind.node.ObjectNode) d.at("/evaluator/template");
		((com.fasterxml.jackson.databind.node.ObjectNode) d.path("evaluator")).put("java", "PeerShare");
		t0.remove("conditions");
		t0.put("metric", "share");
		var params = d.putArray("parameters");
		params.addObject().put("name", "z_threshold").put("default", 3.5);
		params.addObject().put("name", "min_settlements").put("default", 30);
		params.addObject().put("name", "min_peer_group").put("default", 5);
		RuleTemplate t = template(d);
		List<ProviderProfile> profiles = new java.util.ArrayList<>();
		java.util.Map<String, PeerShareRule.Usage> usage = new java.util.HashMap<>();
		for (int i = 0; i < 6; i++) {
			profiles.add(new ProviderProfile("H" + i, "hospital", "3", 100, 0, 0, 0, 0, 0, 0, 0));
			usage.put("H" + i, new PeerShareRule.Usage(10 + i % 2, 1000));
		}
		usage.put("H5", new PeerShareRule.Usage(60, 6000));
		profiles.add(new ProviderProfile("SMALL", "hospital", "3", 10, 0, 0, 0, 0, 0, 0, 0));
		usage.put("SMALL", new PeerShareRule.Usage(10, 100));
		List<Hit> hits = new java.util.ArrayList<>();
		PeerShareRule.judge(t, profiles, usage, 3.5, 30, 5, SEPTEMBER, hits::add);
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.partyKey()).isEqualTo("H5");
			assertThat(h.description()).contains("含所选项目的结算占比 0.6");
			assertThat(h.money()).isPositive();
		});
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DialysisFrequencyTest {

	@Test
	void evidenceIsAskedForEachPersonWeekOverTheLimitNotForEveryPairingOfTheirPersonsAndWeeks() throws Exception {
		Window window = new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
		JsonNode q = new ObjectMapper().readTree(DialysisFrequency.evidenceQuery(
				List.of(new String[] { "P1", "2026-W05", "4" }, new String[] { "P2", "2026-W09", "5" }), window));
		JsonNode should = q.at("/bool/filter/0/bool/should");
		assertThat(should).hasSize(2);
		assertThat(should.at("/0/bool/filter/0/term/person_id").asText()).isEqualTo("P1");
		assertThat(should.at("/0/bool/filter/1/term/iso_week").asText()).isEqualTo("2026-W05");
		assertThat(should.at("/1/bool/filter/0/term/person_id").asText()).isEqualTo("P2");
		assertThat(should.at("/1/bool/filter/1/term/iso_week").asText()).isEqualTo("2026-W09");
		assertThat(q.at("/bool/filter/0/bool/minimum_should_match").asInt()).isEqualTo(1);
		assertThat(q.at("/bool/filter/1/term/item_tags").asText()).isEqualTo("dialysis");
		assertThat(q.at("/bool/filter/2/range/item_date/gte").asText()).isEqualTo("2026-01-01");
	}
}

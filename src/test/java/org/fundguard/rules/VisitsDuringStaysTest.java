package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VisitsDuringStaysTest {

	static final Window WINDOW = new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

	static Stay stay(String person, String start, String end) {
		return new Stay("S-" + person + start, person, "H1", LocalDate.parse(start), LocalDate.parse(end), "I63", 1000);
	}

	@Test
	void onlyTheDaysStrictlyInsideAStayAreAsked() {
		SortedMap<LocalDate, SortedSet<String>> days = VisitsDuringStays.insideDays(
				List.of(List.of(stay("P1", "2026-03-01", "2026-03-04")), List.of(stay("P2", "2026-03-02", "2026-03-03"))), WINDOW);
		// P1: the 2nd and 3rd (not the admission or discharge day); P2's one-night stay has no day inside
		assertThat(days).containsOnlyKeys(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
		assertThat(days.get(LocalDate.of(2026, 3, 2))).containsExactly("P1");
	}

	@Test
	void personsInHospitalOnTheSameDayShareItsClauseAndDaysOutsideTheWindowAreLeftOut() {
		SortedMap<LocalDate, SortedSet<String>> days = VisitsDuringStays.insideDays(
				List.of(List.of(stay("P1", "2025-12-30", "2026-01-03")), List.of(stay("P2", "2026-01-01", "2026-01-03")),
						List.of(stay("P3", "2026-12-30", "2027-01-05"))), WINDOW);
		assertThat(days.firstKey()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(days.get(LocalDate.of(2026, 1, 2))).containsExactly("P1", "P2");
		assertThat(days.lastKey()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void aLongWindowIsCutIntoRequestsUnderTheClauseLimit() {
		SortedMap<LocalDate, SortedSet<String>> days = new TreeMap<>();
		for (int i = 0; i < 800; i++) {
			days.put(LocalDate.of(2024, 1, 1).plusDays(i), new TreeSet<>(List.of("P" + i)));
		}
		List<SortedMap<LocalDate, SortedSet<String>>> requests = VisitsDuringStays.requests(days);
		assertThat(requests).extracting(SortedMap::size).containsExactly(366, 366, 68);
		assertThat(requests.get(1).firstKey()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(366));
	}

	@Test
	void theQueryAsksForNonInpatientVisitsOfThatDaysPersons() throws Exception {
		SortedMap<LocalDate, SortedSet<String>> days = new TreeMap<>();
		days.put(LocalDate.of(2026, 3, 2), new TreeSet<>(List.of("P1", "P2")));
		JsonNode q = new ObjectMapper().readTree(VisitsDuringStays.query(days));
		JsonNode clause = q.at("/bool/filter/0/bool/should/0/bool/filter");
		assertThat(clause.at("/0/term/visit_start").asText()).isEqualTo("2026-03-02");
		assertThat(clause.at("/1/terms/person_id").toString()).isEqualTo("[\"P1\",\"P2\"]");
		assertThat(q.at("/bool/must_not/0/term/med_type").asText()).isEqualTo("21");
	}
}

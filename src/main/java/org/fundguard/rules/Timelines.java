package org.fundguard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimsSchema.Settlements;

/** Each person's inpatient stays, streamed person by person from a search_after sorted by person. */
final class Timelines {

	/** The med_type of an inpatient stay (住院). */
	static final String INPATIENT = "21";

	private Timelines() {
	}

	/** The stays that touch [from, to] (start on or before {@code to}, end on or after {@code from}), per person. */
	static void stays(Searches es, String index, LocalDate from, LocalDate to, String extraFilter, Consumer<List<Stay>> person) {
		List<Stay> current = new ArrayList<>();
		String query = Q.filter(Q.term(Settlements.MED_TYPE, INPATIENT), Q.onOrBefore(Settlements.VISIT_START, to),
				Q.onOrAfter(Settlements.VISIT_END, from), extraFilter);
		String sort = Q.ascending(Settlements.PERSON_ID, Settlements.VISIT_START, Settlements.SETTLEMENT_ID);
		es.scan(index, query, sort, Stay.FIELDS, s -> {
			Stay stay = Stay.of(s);
			if (!current.isEmpty() && !current.getFirst().personId().equals(stay.personId())) {
				person.accept(List.copyOf(current));
				current.clear();
			}
			current.add(stay);
		});
		if (!current.isEmpty()) {
			person.accept(List.copyOf(current));
		}
	}
}

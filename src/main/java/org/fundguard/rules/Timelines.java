package org.fundguard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Each person's inpatient stays, streamed person by person from a search_after sorted by person. */
final class Timelines {

	private Timelines() {
	}

	/** The stays that touch [from, to] (start on or before {@code to}, end on or after {@code from}), per person. */
	static void stays(Searches es, String index, LocalDate from, LocalDate to, String extraFilter, Consumer<List<Stay>> person) {
		List<Stay> current = new ArrayList<>();
		String query = Q.filter(Q.term("med_type", "21"), Q.onOrBefore("visit_start", to), Q.onOrAfter("visit_end", from),
				extraFilter);
		es.scan(index, query, "[{\"person_id\":\"asc\"},{\"visit_start\":\"asc\"},{\"settlement_id\":\"asc\"}]", Stay.FIELDS,
				s -> {
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

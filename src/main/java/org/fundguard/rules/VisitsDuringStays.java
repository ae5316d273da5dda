package org.fundguard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimsSchema.Settlements;

/**
 * Outpatient-during-stay's join: the non-inpatient settlements strictly inside a stay of the same person. Stays are
 * collected in batches; per batch one search asks, for each day of the window, for the visits on that day of the
 * persons who were in hospital on it ({@code term visit_start} and {@code terms person_id}). One clause per day
 * instead of one per stay: a clause per stay (its person and a date range) made Elasticsearch build a range scorer
 * per stay and segment, about a quarter of a second per 500 stays, and needed a request per 500 stays.
 */
final class VisitsDuringStays {

	/** Stays held per batch: memory is bounded by this, not by the number of persons. */
	static final int STAYS_PER_BATCH = 10_000;

	/** Day clauses per request: a year's days, well under Elasticsearch's limit of 1,024 clauses. */
	static final int DAYS_PER_REQUEST = 366;

	private final Searches es;
	private final String index;
	private final Window window;
	private final Consumer<Hit> hits;
	private final Map<String, List<Stay>> byPerson = new HashMap<>();
	private int held;

	VisitsDuringStays(Searches es, String index, Window window, Consumer<Hit> hits) {
		this.es = es;
		this.index = index;
		this.window = window;
		this.hits = hits;
	}

	/** One person's stays; a full batch is searched. */
	void add(List<Stay> stays) {
		for (Stay stay : stays) {
			byPerson.computeIfAbsent(stay.personId(), p -> new ArrayList<>()).add(stay);
		}
		held += stays.size();
		if (held >= STAYS_PER_BATCH) {
			flush();
		}
	}

	/** Searches the visits inside the stays held, and forgets them. */
	void flush() {
		List<SortedMap<LocalDate, SortedSet<String>>> requests = requests(insideDays(byPerson.values(), window));
		for (SortedMap<LocalDate, SortedSet<String>> days : requests) {
			es.scan(index, query(days), Q.ascending(Settlements.SETTLEMENT_ID), Stay.FIELDS, s -> judge(Stay.of(s)));
		}
		byPerson.clear();
		held = 0;
	}

	private void judge(Stay visit) {
		Hit hit = duringStay(visit, byPerson.getOrDefault(visit.personId(), List.of()));
		if (hit != null) {
			hits.accept(hit);
		}
	}

	/**
	 * A non-inpatient visit strictly inside one of the person's stays at another provider (the first such stay), or null.
	 * Shared by the batch rule and the pre-settlement check.
	 */
	static Hit duringStay(Stay visit, List<Stay> stays) {
		for (Stay stay : stays) {
			if (!stay.provider().equals(visit.provider()) && stay.strictlyContains(visit.start())) {
				return new Hit(visit.settlementId(), "provider", visit.provider(), null, null,
						visit.start() + " 在 " + visit.provider() + " 结算，当时正在 " + stay.provider() + " 住院（"
								+ stay.settlementId() + "，" + stay.start() + ".." + stay.end() + "）",
						List.of(visit.settlementId(), stay.settlementId()), List.of(), Rounding.money(visit.fundPaid()),
						visit.month());
			}
		}
		return null;
	}

	/** Each day of the window strictly inside one of the stays, with the persons in hospital on it. */
	static SortedMap<LocalDate, SortedSet<String>> insideDays(Collection<List<Stay>> stays, Window window) {
		SortedMap<LocalDate, SortedSet<String>> days = new TreeMap<>();
		for (List<Stay> person : stays) {
			for (Stay stay : person) {
				LocalDate first = stay.start().plusDays(1).isBefore(window.from()) ? window.from() : stay.start().plusDays(1);
				for (LocalDate day = first; day.isBefore(stay.end()) && !day.isAfter(window.to()); day = day.plusDays(1)) {
					days.computeIfAbsent(day, d -> new TreeSet<>()).add(stay.personId());
				}
			}
		}
		return days;
	}

	/** The days cut into requests of at most {@link #DAYS_PER_REQUEST} clauses. */
	static List<SortedMap<LocalDate, SortedSet<String>>> requests(SortedMap<LocalDate, SortedSet<String>> days) {
		List<SortedMap<LocalDate, SortedSet<String>>> out = new ArrayList<>();
		SortedMap<LocalDate, SortedSet<String>> current = new TreeMap<>();
		for (Map.Entry<LocalDate, SortedSet<String>> day : days.entrySet()) {
			if (current.size() == DAYS_PER_REQUEST) {
				out.add(current);
				current = new TreeMap<>();
			}
			current.put(day.getKey(), day.getValue());
		}
		if (!current.isEmpty()) {
			out.add(current);
		}
		return out;
	}

	/** Non-inpatient settlements on one of the days by one of that day's persons. */
	static String query(SortedMap<LocalDate, SortedSet<String>> days) {
		StringBuilder should = new StringBuilder();
		days.forEach((day, persons) -> should.append(should.isEmpty() ? "" : ",").append("{\"bool\":{\"filter\":[")
			.append(Q.term(Settlements.VISIT_START, day.toString())).append(',').append(Q.terms(Settlements.PERSON_ID, persons))
			.append("]}}"));
		return Q.filterNot("{\"bool\":{\"should\":[" + should + "],\"minimum_should_match\":1}}", Q.term(Settlements.MED_TYPE, "21"));
	}
}

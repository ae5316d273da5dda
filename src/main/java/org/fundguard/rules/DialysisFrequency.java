package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.springframework.stereotype.Component;

/**
 * More than N distinct days with a dialysis line in one ISO week of one person. Days are counted from a composite
 * aggregation (person, ISO week, day) so that only one person-week is in memory at a time.
 */
@Component
class DialysisFrequency implements Evaluator {

	/**
	 * Person + week + day buckets per page. Only the person and week of a bucket are read (a bucket is one day), so
	 * the response is trimmed to them; the buckets are streamed, so a large page costs no client memory and saves
	 * round trips, each of which matches the dialysis lines again.
	 */
	static final int DAY_PAGE = 20_000;

	private final ClaimIndices ix;

	DialysisFrequency(ClaimIndices ix) {
		this.ix = ix;
	}

	@Override
	public String name() {
		return "DialysisFrequency";
	}

	@Override
	public void evaluate(Scope scope, Consumer<Hit> hits) {
		int max = (int) scope.param("max_days_per_week");
		String query = Q.filter(Q.term(FeeLines.ITEM_TAGS, "dialysis"),
				Q.days(FeeLines.ITEM_DATE, scope.window().from(), scope.window().to()));
		String[] current = { null, null };
		int[] days = { 0 };
		List<String[]> over = new ArrayList<>();
		scope.es().composite(ix.claims(), query,
				"[" + Q.termsSource("p", FeeLines.PERSON_ID) + "," + Q.termsSource("w", FeeLines.ISO_WEEK) + ",{\"d\":"
						+ "{\"date_histogram\":{\"field\":\"" + FeeLines.ITEM_DATE
						+ "\",\"calendar_interval\":\"1d\",\"format\":\"yyyy-MM-dd\"}}}]",
				null, "aggregations.c.after_key,aggregations.c.buckets.key.p,aggregations.c.buckets.key.w", DAY_PAGE, b -> {
					JsonNode key = b.path("key");
					String person = key.path("p").asText();
					String week = key.path("w").asText();
					if (!(person.equals(current[0]) && week.equals(current[1]))) {
						if (current[0] != null && days[0] > max) {
							over.add(new String[] { current[0], current[1], String.valueOf(days[0]) });
						}
						current[0] = person;
						current[1] = week;
						days[0] = 0;
					}
					days[0]++;
				});
		if (current[0] != null && days[0] > max) {
			over.add(new String[] { current[0], current[1], String.valueOf(days[0]) });
		}
		for (int i = 0; i < over.size(); i += 200) {
			evidence(scope, over.subList(i, Math.min(over.size(), i + 200)), max, hits);
		}
	}

	/** The lines of a page of person-weeks over the limit, fetched in one search and grouped in Java. */
	private void evidence(Scope scope, List<String[]> over, int max, Consumer<Hit> hits) {
		java.util.Map<String, Evidence> byKey = new java.util.LinkedHashMap<>();
		for (String[] o : over) {
			byKey.put(o[0] + "|" + o[1], new Evidence(Integer.parseInt(o[2])));
		}
		scope.es().scan(ix.claims(), evidenceQuery(over, scope.window()),
				LineGroups.SORT, Q.fields(FeeLines.SETTLEMENT_ID, FeeLines.LINE_NO, FeeLines.AMOUNT, FeeLines.ITEM_DATE,
						FeeLines.PERSON_ID, FeeLines.ISO_WEEK),
				(JsonNode l) -> {
					Evidence e = byKey.get(l.path(FeeLines.PERSON_ID).asText() + "|" + l.path(FeeLines.ISO_WEEK).asText());
					if (e != null) {
						e.add(l);
					}
				});
		byKey.forEach((key, e) -> hits.accept(new Hit(key, "person", key.substring(0, key.lastIndexOf('|')), (double) e.days,
				(double) max, key.substring(key.lastIndexOf('|') + 1) + " 有透析项目的日期 " + e.days + " 天，上限 " + max + " 天",
				e.settlements, e.lines, Rounding.money(e.amount * (e.days - max) / e.days),
				e.firstDay == null ? null : e.firstDay.substring(0, 7))));
	}

	/**
	 * The dialysis lines of exactly these person-weeks, one clause per person-week. A terms list of their persons and
	 * one of their weeks matched every pairing of the two (about 11,000 lines for 57 person-weeks on the benchmark
	 * export), all fetched and serialised to be thrown away here.
	 */
	static String evidenceQuery(List<String[]> over, Window window) {
		StringBuilder should = new StringBuilder();
		for (String[] o : over) {
			should.append(should.isEmpty() ? "" : ",")
				.append(Q.filter(Q.term(FeeLines.PERSON_ID, o[0]), Q.term(FeeLines.ISO_WEEK, o[1])));
		}
		return Q.filter("{\"bool\":{\"should\":[" + should + "],\"minimum_should_match\":1}}",
				Q.term(FeeLines.ITEM_TAGS, "dialysis"), Q.days(FeeLines.ITEM_DATE, window.from(), window.to()));
	}

	/** The evidence of one person-week. */
	private static final class Evidence {

		final int days;
		final List<String> settlements = new ArrayList<>();
		final List<String> lines = new ArrayList<>();
		double amount;
		String firstDay;

		Evidence(int days) {
			this.days = days;
		}

		void add(JsonNode l) {
			String s = l.path(FeeLines.SETTLEMENT_ID).asText();
			if (!settlements.contains(s)) {
				settlements.add(s);
			}
			lines.add(s + "#" + l.path(FeeLines.LINE_NO).asInt());
			amount += l.path(FeeLines.AMOUNT).asDouble();
			String day = l.path(FeeLines.ITEM_DATE).asText();
			if (firstDay == null || day.compareTo(firstDay) < 0) {
				firstDay = day;
			}
		}
	}
}

package org.fundguard.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.rules.LineRules.Named;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The second catalogue's rules on the insured: visits outside the person's coverage (未参保/参保期外结算) and the dead
 * still enrolled (死亡不减员). Jurisdiction: the insured_region.
 */
@Configuration
class EnrollmentRules {

	/** [enroll, end], both inclusive; no end = still covered. */
	static boolean covers(LocalDate enroll, LocalDate end, LocalDate day) {
		return enroll != null && !day.isBefore(enroll) && (end == null || !day.isAfter(end));
	}

	/** Coverage without an end after a death, or ending more than {@code graceDays} after it. */
	static boolean enrolledAfterDeath(LocalDate death, LocalDate end, long graceDays) {
		return end == null || ChronoUnit.DAYS.between(death, end) > graceDays;
	}

	private static LocalDate date(JsonNode doc, String field) {
		String text = doc.path(field).asText("");
		return text.isEmpty() ? null : LocalDate.parse(text);
	}

	/**
	 * The loader marks each settlement covered or not (covered_at_visit: two date fields cannot be compared in a
	 * query here); the candidates are judged again on their coverage dates, which are the evidence.
	 */
	@Bean
	Evaluator notEnrolled(ClaimIndices ix) {
		return new Named("NotEnrolled", (scope, hits) -> scope.es().scan(ix.settlements(),
				Q.filter(Q.term(Settlements.COVERED_AT_VISIT, false),
						Q.days(Settlements.VISIT_START, scope.window().from(), scope.window().to()),
						Q.prefixes(Settlements.INSURED_REGION, scope.regions())),
				Q.ascending(Settlements.SETTLEMENT_ID),
				Q.fields(Settlements.SETTLEMENT_ID, Settlements.PERSON_ID, Settlements.PROVIDER_CODE, Settlements.VISIT_START,
						Settlements.ENROLL_DATE, Settlements.END_DATE, Settlements.FUND_PAID),
				s -> {
					Hit hit = notEnrolledHit(s.path(Settlements.SETTLEMENT_ID).asText(), s.path(Settlements.PERSON_ID).asText(),
							s.path(Settlements.PROVIDER_CODE).asText(), date(s, Settlements.VISIT_START), date(s, Settlements.ENROLL_DATE),
							date(s, Settlements.END_DATE), s.path(Settlements.FUND_PAID).asDouble());
					if (hit != null) {
						hits.accept(hit);
					}
				}));
	}

	/** A visit outside the person's coverage; null when covered. Shared by the batch rule and the pre-settlement check. */
	static Hit notEnrolledHit(String id, String person, String provider, LocalDate visit, LocalDate enroll, LocalDate end,
			double fundPaid) {
		if (covers(enroll, end, visit)) {
			return null;
		}
		return new Hit(id, "person", person, null, null,
				"就诊日期 " + visit + " 不在参保期 " + (enroll == null ? "（无）" : enroll + " 至 " + (end == null ? "今" : end))
						+ " 内（机构 " + provider + "）",
				List.of(id), List.of(), Rounding.money(fundPaid), visit.toString().substring(0, 7));
	}

	/**
	 * Persons who died on or before the window's end whose coverage has no end or ends more than G days after the
	 * death (persons carry end_date − death_date as enrolled_days_after_death). The money is what the fund paid for
	 * their settlements dated after the death, fetched a thousand persons at a time.
	 */
	@Bean
	Evaluator enrolledAfterDeath(ClaimIndices ix) {
		return new Named("EnrolledAfterDeath", (scope, hits) -> {
			long grace = (long) scope.param("grace_days");
			String stillEnrolled = Q.anyOf(List.of("{\"bool\":{\"must_not\":[" + Q.exists(Persons.END_DATE) + "]}}",
					Q.gt(Persons.ENROLLED_DAYS_AFTER_DEATH, grace)));
			Map<String, JsonNode> page = new LinkedHashMap<>();
			scope.es().scan(ix.persons(),
					Q.filter(Q.onOrBefore(Persons.DEATH_DATE, scope.window().to()), stillEnrolled,
							Q.prefixes(Persons.INSURED_REGION, scope.regions())),
					Q.ascending(Persons.PERSON_ID),
					Q.fields(Persons.PERSON_ID, Persons.DEATH_DATE, Persons.ENROLL_DATE, Persons.END_DATE, Persons.INSURED_REGION),
					p -> {
						if (enrolledAfterDeath(date(p, Persons.DEATH_DATE), date(p, Persons.END_DATE), grace)) {
							page.put(p.path(Persons.PERSON_ID).asText(), p);
							if (page.size() >= PERSON_PAGE) {
								afterDeath(scope, ix, page, grace, hits);
							}
						}
					});
			afterDeath(scope, ix, page, grace, hits);
		});
	}

	private static final int PERSON_PAGE = 1000;

	private static void afterDeath(Scope scope, ClaimIndices ix, Map<String, JsonNode> page, long grace, Consumer<Hit> hits) {
		if (page.isEmpty()) {
			return;
		}
		Map<String, Double> paid = new HashMap<>();
		Map<String, List<String>> settlements = new HashMap<>();
		scope.es().scan(ix.settlements(), Q.filter(Q.terms(Settlements.PERSON_ID, page.keySet()), Q.exists(Settlements.DEATH_DATE)),
				Q.ascending(Settlements.SETTLEMENT_ID), Q.fields(Settlements.SETTLEMENT_ID, Settlements.PERSON_ID,
						Settlements.VISIT_START, Settlements.DEATH_DATE, Settlements.FUND_PAID),
				s -> {
					if (date(s, Settlements.VISIT_START).isAfter(date(s, Settlements.DEATH_DATE))) {
						String person = s.path(Settlements.PERSON_ID).asText();
						paid.merge(person, s.path(Settlements.FUND_PAID).asDouble(), Double::sum);
						settlements.computeIfAbsent(person, k -> new ArrayList<>()).add(s.path(Settlements.SETTLEMENT_ID).asText());
					}
				});
		page.forEach((person, p) -> {
			LocalDate death = date(p, Persons.DEATH_DATE);
			LocalDate end = date(p, Persons.END_DATE);
			Double days = end == null ? null : (double) ChronoUnit.DAYS.between(death, end);
			List<String> after = settlements.getOrDefault(person, List.of());
			hits.accept(new Hit(person, "person", person, days, (double) grace,
					"死亡日期 " + death + "，参保" + (end == null ? "未终止" : "至 " + end + "（死亡后 " + days.longValue() + " 天）")
							+ "，应在 " + grace + " 天内减员" + (after.isEmpty() ? "" : "；死亡后结算 " + after.size() + " 次"),
					after, List.of(), Rounding.money(paid.getOrDefault(person, 0.0)), death.toString().substring(0, 7)));
		});
		page.clear();
	}
}

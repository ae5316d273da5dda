package org.fundguard.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fundguard.rules.LineRules.Named;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The person-timeline rules: overlapping stays, outpatient visits during a stay, readmission; and visits after death. */
@Configuration
class TimelineRules {

	/** Stays per search of the visits inside them: one should clause each, well under the clause limit. */
	private static final int STAYS_PER_BATCH = 500;

	@Bean
	Evaluator overlappingStays(RuleIndices ix) {
		return new Named("OverlappingStays", (scope, hits) -> Timelines.stays(scope.es(), ix.settlements(),
				scope.window().from(), scope.window().to(), null, stays -> overlaps(stays, hits)));
	}

	static void overlaps(List<Stay> stays, Consumer<Hit> hits) {
		for (int i = 0; i < stays.size(); i++) {
			for (int j = i + 1; j < stays.size(); j++) {
				Stay a = stays.get(i);
				Stay b = stays.get(j);
				if (b.start().isAfter(a.end())) {
					break; // sorted by start: no later stay can overlap a
				}
				long nights = Stay.sharedNights(a, b);
				if (!a.provider().equals(b.provider()) && nights >= 1) {
					String x = a.settlementId().compareTo(b.settlementId()) < 0 ? a.settlementId() : b.settlementId();
					String y = x.equals(a.settlementId()) ? b.settlementId() : a.settlementId();
					hits.accept(new Hit(x + "|" + y, "person", a.personId(), (double) nights, 1.0,
							"住院 " + a.settlementId() + "（" + a.provider() + " " + a.start() + ".." + a.end() + "）与 "
									+ b.settlementId() + "（" + b.provider() + " " + b.start() + ".." + b.end() + "）重叠 " + nights + " 晚",
							List.of(x, y), List.of(), Rounding.money(b.fundPaid()), b.month()));
				}
			}
		}
	}

	@Bean
	Evaluator readmission(RuleIndices ix) {
		return new Named("Readmission", (scope, hits) -> {
			long d = (long) scope.param("max_gap_days");
			Timelines.stays(scope.es(), ix.settlements(), scope.window().from().minusDays(d), scope.window().to(), null,
					stays -> readmissions(stays, d, scope.window(), hits));
		});
	}

	static void readmissions(List<Stay> stays, long maxGap, Window window, Consumer<Hit> hits) {
		for (Stay later : stays) {
			if (!window.contains(later.start())) {
				continue;
			}
			Stay previous = null;
			for (Stay p : stays) {
				long gap = p.daysUntil(later);
				if (p != later && p.provider().equals(later.provider()) && p.diag3().equals(later.diag3()) && gap >= 0
						&& gap <= maxGap && !p.start().isAfter(later.start()) && (previous == null || gap < previous.daysUntil(later))) {
					previous = p;
				}
			}
			if (previous != null) {
				long gap = previous.daysUntil(later);
				hits.accept(new Hit(later.settlementId(), "provider", later.provider(), (double) gap, (double) maxGap,
						"出院（" + previous.settlementId() + "，" + previous.end() + "）后 " + gap + " 天同院再入院，诊断 " + later.diag3(),
						List.of(later.settlementId(), previous.settlementId()), List.of(), Rounding.money(later.fundPaid()),
						later.month()));
			}
		}
	}

	/**
	 * Stays of two nights or more are streamed; per batch of stays one search asks for the non-inpatient settlements
	 * of those persons strictly inside those stays (one should clause per stay), so only the hits come back.
	 */
	@Bean
	Evaluator outpatientDuringStay(RuleIndices ix) {
		return new Named("OutpatientDuringStay", (scope, hits) -> {
			List<Stay> batch = new ArrayList<>();
			Timelines.stays(scope.es(), ix.settlements(), scope.window().from(), scope.window().to(),
					Q.gte("length_of_stay", 2), stays -> {
						batch.addAll(stays);
						if (batch.size() >= STAYS_PER_BATCH) {
							visitsDuring(scope, ix, batch, hits);
						}
					});
			visitsDuring(scope, ix, batch, hits);
		});
	}

	private static void visitsDuring(Scope scope, RuleIndices ix, List<Stay> batch, Consumer<Hit> hits) {
		if (batch.isEmpty()) {
			return;
		}
		Map<String, List<Stay>> byPerson = new HashMap<>();
		StringBuilder should = new StringBuilder();
		for (Stay stay : batch) {
			byPerson.computeIfAbsent(stay.personId(), p -> new ArrayList<>()).add(stay);
			should.append(should.isEmpty() ? "" : ",").append("{\"bool\":{\"filter\":[").append(Q.term("person_id", stay.personId()))
				.append(",{\"range\":{\"visit_start\":{\"gt\":\"").append(stay.start()).append("\",\"lt\":\"")
				.append(stay.end()).append("\"}}}]}}");
		}
		String query = "{\"bool\":{\"filter\":[" + Q.days("visit_start", scope.window().from(), scope.window().to())
				+ ",{\"bool\":{\"should\":[" + should + "],\"minimum_should_match\":1}}],\"must_not\":["
				+ Q.term("med_type", "21") + "]}}";
		scope.es().scan(ix.settlements(), query, "[{\"settlement_id\":\"asc\"}]", Stay.FIELDS, s -> {
			Stay visit = Stay.of(s);
			for (Stay stay : byPerson.getOrDefault(visit.personId(), List.of())) {
				if (!stay.provider().equals(visit.provider()) && stay.strictlyContains(visit.start())) {
					hits.accept(new Hit(visit.settlementId(), "provider", visit.provider(), null, null,
							visit.start() + " 在 " + visit.provider() + " 结算，当时正在 " + stay.provider() + " 住院（"
									+ stay.settlementId() + "，" + stay.start() + ".." + stay.end() + "）",
							List.of(visit.settlementId(), stay.settlementId()), List.of(), Rounding.money(visit.fundPaid()),
							visit.month()));
					break;
				}
			}
		});
		batch.clear();
	}

	@Bean
	Evaluator afterDeath(RuleIndices ix) {
		return new Named("AfterDeath", (scope, hits) -> scope.es().scan(ix.settlements(),
				Q.filter(Q.exists("death_date"), Q.days("visit_start", scope.window().from(), scope.window().to())),
				"[{\"settlement_id\":\"asc\"}]",
				"[\"settlement_id\",\"person_id\",\"provider_code\",\"visit_start\",\"death_date\",\"fund_paid\"]", s -> {
					java.time.LocalDate visit = java.time.LocalDate.parse(s.path("visit_start").asText());
					java.time.LocalDate death = java.time.LocalDate.parse(s.path("death_date").asText());
					if (visit.isAfter(death)) {
						long days = java.time.temporal.ChronoUnit.DAYS.between(death, visit);
						hits.accept(new Hit(s.path("settlement_id").asText(), "provider", s.path("provider_code").asText(),
								(double) days, 0.0, "就诊日期 " + visit + " 晚于死亡日期 " + death + "（人员 " + s.path("person_id").asText() + "）",
								List.of(s.path("settlement_id").asText()), List.of(), Rounding.money(s.path("fund_paid").asDouble()),
								visit.toString().substring(0, 7)));
					}
				}));
	}
}

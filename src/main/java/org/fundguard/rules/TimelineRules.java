package org.fundguard.rules;

import java.util.List;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.rules.LineRules.Named;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The person-timeline rules: overlapping stays, outpatient visits during a stay, readmission; and visits after death. */
@Configuration
class TimelineRules {

	@Bean
	Evaluator overlappingStays(ClaimIndices ix) {
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
	Evaluator readmission(ClaimIndices ix) {
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
	 * Stays of two nights or more are streamed; per batch of stays the non-inpatient settlements of those persons
	 * strictly inside them are searched (see {@link VisitsDuringStays}), so only the hits come back.
	 */
	@Bean
	Evaluator outpatientDuringStay(ClaimIndices ix) {
		return new Named("OutpatientDuringStay", (scope, hits) -> {
			VisitsDuringStays join = new VisitsDuringStays(scope.es(), ix.settlements(), scope.window(), hits);
			Timelines.stays(scope.es(), ix.settlements(), scope.window().from(), scope.window().to(),
					Q.gte(Settlements.LENGTH_OF_STAY, 2), join::add);
			join.flush();
		});
	}

	@Bean
	Evaluator afterDeath(ClaimIndices ix) {
		return new Named("AfterDeath", (scope, hits) -> scope.es().scan(ix.settlements(),
				Q.filter(Q.exists(Settlements.DEATH_DATE),
						Q.days(Settlements.VISIT_START, scope.window().from(), scope.window().to())),
				Q.ascending(Settlements.SETTLEMENT_ID),
				Q.fields(Settlements.SETTLEMENT_ID, Settlements.PERSON_ID, Settlements.PROVIDER_CODE, Settlements.VISIT_START,
						Settlements.DEATH_DATE, Settlements.FUND_PAID),
				s -> {
					Hit hit = afterDeathHit(s.path(Settlements.SETTLEMENT_ID).asText(), s.path(Settlements.PERSON_ID).asText(),
							s.path(Settlements.PROVIDER_CODE).asText(), java.time.LocalDate.parse(s.path(Settlements.VISIT_START).asText()),
							java.time.LocalDate.parse(s.path(Settlements.DEATH_DATE).asText()), s.path(Settlements.FUND_PAID).asDouble());
					if (hit != null) {
						hits.accept(hit);
					}
				}));
	}

	/** A visit after the person's death; null when it is not (no death, or on or before it). Shared with the check. */
	static Hit afterDeathHit(String settlement, String person, String provider, java.time.LocalDate visit,
			java.time.LocalDate death, double fundPaid) {
		if (death == null || !visit.isAfter(death)) {
			return null;
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(death, visit);
		return new Hit(settlement, "provider", provider, (double) days, 0.0,
				"就诊日期 " + visit + " 晚于死亡日期 " + death + "（人员 " + person + "）", List.of(settlement), List.of(),
				Rounding.money(fundPaid), visit.toString().substring(0, 7));
	}
}

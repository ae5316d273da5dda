package org.fundguard.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans all of one person's settlements in the period: stays first, then outpatient visits, dialysis sessions
 * and pharmacy purchases on days outside every stay (so no background visit falls inside a stay), then the
 * injected patterns and decoys that concern a person. Only then are the visits routed to providers, in date
 * order, so that the routing sees the same sequence in every pass.
 */
final class CarePlanner {

	/** The visits in date order, and the dialysis-frequency cases as (subject key, detail). */
	record CarePlan(List<Visit> visits, List<String[]> dialysisWeeks) {
	}

	private static final Comparator<Visit> CHRONOLOGICAL = Comparator.<Visit>comparingInt(v -> v.start)
		.thenComparingInt(v -> v.type.ordinal())
		.thenComparingInt(v -> v.order);

	private final ExportPeriod period;
	private final Routing routing;
	private final Injections injections;
	private final StayPlanner stayPlanner;

	CarePlanner(ExportPeriod period, Routing routing, Injections injections) {
		this.period = period;
		this.routing = routing;
		this.injections = injections;
		this.stayPlanner = new StayPlanner(routing, injections);
	}

	CarePlan plan(Person p, SplittableRandom rng) {
		int a = Math.max(period.firstDay, (int) p.enroll.toEpochDay());
		int b = period.lastDay;
		if (p.end != null) {
			b = Math.min(b, (int) p.end.toEpochDay());
		}
		if (p.death != null) {
			b = Math.min(b, (int) p.death.toEpochDay());
		}
		List<Visit> stays = a <= b ? stayPlanner.plan(p, a, b, CaseMix.staysPerMonth(p), rng) : List.of();
		List<Visit> visits = new ArrayList<>(stays);
		List<String[]> weeks = new ArrayList<>();
		if (a <= b) {
			if (p.dialysis) {
				new DialysisSchedule(p, a, b, stays, injections).plan(visits, weeks, rng);
			}
			for (Diagnosis condition : CaseMix.chronicConditions(p)) {
				monthly(p, a, b, stays, visits, Visit.MedType.CHRONIC, condition, 0, rng);
			}
			monthly(p, a, b, stays, visits, Visit.MedType.GENERAL, null, CaseMix.generalVisitsPerMonth(p), rng);
			monthly(p, a, b, stays, visits, Visit.MedType.PHARMACY, null, CaseMix.pharmacyPurchasesPerMonth(p), rng);
			duringStays(p, stays, visits, rng);
			if (p.mustSettle && visits.isEmpty()) {
				int d = freeDay(a, b, stays, 50, rng);
				if (d >= 0) {
					visits.add(new Visit(Visit.MedType.PHARMACY, d, d, CaseMix.purchase(p, rng)));
				}
			}
		}
		afterDeath(p, a, b, stays, visits, rng);
		for (int i = 0; i < visits.size(); i++) {
			visits.get(i).order = i;
		}
		visits.sort(CHRONOLOGICAL);
		for (Visit v : visits) {
			if (v.provider == null) {
				route(p, v, rng);
			}
			p.billsDialysis |= v.dialysisSession || v.diag.renal();
		}
		return new CarePlan(visits, weeks);
	}

	/**
	 * Chronic-disease visits (one chance a month per condition) or Poisson-many general visits or purchases, on
	 * days that no stay covers.
	 */
	private void monthly(Person p, int a, int b, List<Visit> stays, List<Visit> visits, Visit.MedType type,
			Diagnosis condition, double perMonth, SplittableRandom rng) {
		for (int m = period.month(a); m <= period.month(b); m++) {
			int lo = Math.max(a, period.monthFirstDay(m));
			int hi = Math.min(b, period.monthLastDay(m));
			double covered = (hi - lo + 1.0) / (period.monthLastDay(m) - period.monthFirstDay(m) + 1);
			int n = condition != null ? (rng.nextDouble() < 0.8 * covered ? 1 : 0) : poisson(perMonth * covered, rng);
			for (int i = 0; i < n; i++) {
				int d = freeDay(lo, hi, stays, 4, rng);
				if (d >= 0) {
					Diagnosis diag = condition != null ? condition
							: type == Visit.MedType.PHARMACY ? CaseMix.purchase(p, rng) : CaseMix.minor(p, rng);
					visits.add(new Visit(type, d, d, diag));
				}
			}
		}
	}

	/** Outpatient care or a purchase at another provider while the person is in hospital, or its decoy. */
	private void duringStays(Person p, List<Visit> stays, List<Visit> visits, SplittableRandom rng) {
		for (Visit s : stays) {
			if (s.role != Visit.Role.BACKGROUND) {
				continue;
			}
			if (s.end - s.start >= 2 && injections.outpatientDuringStay.take()) {
				int d = s.start + 1 + rng.nextInt(s.end - s.start - 1);
				visits.add(outpatient(p, d, Visit.Role.DURING_STAY, s, rng));
			}
			else if (injections.duringStayDecoy.take()) {
				// on the admission or discharge day itself: not strictly inside the stay
				int d = rng.nextBoolean() ? s.start : s.end;
				if (!strictlyInsideAny(d, stays)) {
					visits.add(outpatient(p, d, Visit.Role.DECOY, s, rng));
					injections.decoy(injections.duringStayDecoy);
				}
			}
		}
	}

	/** Purchases or visits on the card of a person who died but is still enrolled (死亡不减员), or on the day of death. */
	private void afterDeath(Person p, int a, int b, List<Visit> stays, List<Visit> visits, SplittableRandom rng) {
		if (p.death == null || p.end != null) {
			return;
		}
		int death = (int) p.death.toEpochDay();
		int from = Math.max(death + 1, period.firstDay);
		if (from <= period.lastDay && injections.afterDeath.take()) {
			int to = Math.min(period.lastDay, from + 60);
			visits.add(outpatient(p, from + rng.nextInt(to - from + 1), Visit.Role.AFTER_DEATH, null, rng));
		}
		else if (period.contains(death) && a <= b && injections.afterDeathDecoy.take()
				&& !strictlyInsideAny(death, stays)) {
			visits.add(outpatient(p, death, Visit.Role.DECOY, null, rng));
			injections.decoy(injections.afterDeathDecoy);
		}
	}

	private static Visit outpatient(Person p, int day, Visit.Role role, Visit partner, SplittableRandom rng) {
		boolean pharmacy = rng.nextDouble() < 0.55;
		Visit v = pharmacy ? new Visit(Visit.MedType.PHARMACY, day, day, CaseMix.purchase(p, rng))
				: new Visit(Visit.MedType.GENERAL, day, day, CaseMix.minor(p, rng));
		v.role = role;
		v.partner = partner;
		return v;
	}

	private void route(Person p, Visit v, SplittableRandom rng) {
		Tier tier = switch (v.type) {
			case PHARMACY -> Tier.PHARMACY;
			case CHRONIC -> v.dialysisSession ? Tier.forDialysis(rng) : Tier.forChronicOutpatient(rng);
			default -> Tier.forGeneralOutpatient(rng);
		};
		Provider avoid = v.partner != null ? v.partner.provider : null;
		boolean outOfArea = p.outOfArea();
		Provider provider = routing.route(p.residence, tier, false, outOfArea, avoid);
		for (Tier t : Tier.values()) {
			if (provider == null && (t == Tier.PHARMACY) == (tier == Tier.PHARMACY)
					&& (!v.dialysisSession || t == Tier.H3 || t == Tier.H2)) {
				provider = routing.route(p.residence, t, false, outOfArea, avoid);
			}
		}
		if (provider == null) {
			throw new IllegalStateException("no provider for " + v.type + " in " + p.residence);
		}
		v.provider = provider;
		v.outOfArea = outOfArea;
	}

	static boolean covered(int day, List<Visit> stays) {
		for (Visit s : stays) {
			if (s.covers(day)) {
				return true;
			}
		}
		return false;
	}

	static boolean strictlyInsideAny(int day, List<Visit> stays) {
		for (Visit s : stays) {
			if (s.strictlyCovers(day)) {
				return true;
			}
		}
		return false;
	}

	private static int freeDay(int lo, int hi, List<Visit> stays, int tries, SplittableRandom rng) {
		for (int i = 0; i < tries; i++) {
			int d = lo + rng.nextInt(hi - lo + 1);
			if (!covered(d, stays)) {
				return d;
			}
		}
		return -1;
	}

	private static int poisson(double lambda, SplittableRandom rng) {
		double limit = Math.exp(-lambda);
		double product = rng.nextDouble();
		int k = 0;
		while (product > limit) {
			k++;
			product *= rng.nextDouble();
		}
		return k;
	}
}

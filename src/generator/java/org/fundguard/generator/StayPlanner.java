package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans a person's hospital stays. Background stays are at least {@value #MIN_GAP} days apart, whatever the
 * provider: more than the readmission window, so a background pair is never a readmission, and stays never
 * overlap. The injected patterns break exactly that: a readmission 0-15 days after a discharge from the same
 * hospital with the same diagnosis category, or a second stay at another hospital sharing a night with the first.
 */
final class StayPlanner {

	static final int MIN_GAP = 20;

	private final Routing routing;
	private final Injections injections;

	StayPlanner(Routing routing, Injections injections) {
		this.routing = routing;
		this.injections = injections;
	}

	/** Stays with admission in [a, b - 1] and discharge by b. */
	List<Visit> plan(Person p, int a, int b, double staysPerMonth, SplittableRandom rng) {
		List<Visit> stays = new ArrayList<>();
		double daily = staysPerMonth / 30.0;
		int t = a + waitDays(daily, rng) - 1;
		while (t <= b - 1) {
			Visit s = stay(p, t, b, null, null, null, rng);
			stays.add(s);
			int last = pattern(p, s, b, stays, rng);
			t = last + MIN_GAP + waitDays(daily, rng);
		}
		return stays;
	}

	/** Adds at most one injected or decoy stay after or into s; returns the last discharge day. */
	private int pattern(Person p, Visit s, int b, List<Visit> stays, SplittableRandom rng) {
		boolean room = s.end + 17 <= b;
		if (room && injections.readmission.take()) {
			int gap = switch (rng.nextInt(5)) {
				case 0 -> 0;
				case 1 -> 15;
				default -> 1 + rng.nextInt(14);
			};
			return follow(p, s, s.end + gap, b, s.provider, null, s.diag.sibling(), Visit.Role.READMISSION, stays, rng);
		}
		if (s.end - s.start >= 3 && injections.overlappingStays.take()) {
			int start = s.start + 1 + rng.nextInt(s.end - s.start - 1);
			Visit o = stay(p, start, b, null, s.provider, null, rng);
			o.end = Math.min(b, s.end + rng.nextInt(4)); // shares at least the night before s's discharge
			o.role = Visit.Role.OVERLAP;
			o.partner = s;
			stays.add(o);
			return Math.max(s.end, o.end);
		}
		if (s.end + 22 <= b && injections.transferDecoy.take()) {
			// moved to another hospital on the discharge day: min(ends) - max(starts) = 0, not an overlap
			injections.decoy(injections.transferDecoy);
			return follow(p, s, s.end, b, null, s.provider, null, Visit.Role.DECOY, stays, rng);
		}
		if (s.end + 22 <= b && injections.readmissionDecoy.take()) {
			injections.decoy(injections.readmissionDecoy);
			return switch ((int) (injections.readmissionDecoy.taken() % 3)) {
				case 0 -> follow(p, s, s.end + 16 + rng.nextInt(4), b, s.provider, null, s.diag, Visit.Role.DECOY, stays,
						rng);
				case 1 -> follow(p, s, s.end + rng.nextInt(16), b, null, s.provider, s.diag, Visit.Role.DECOY, stays, rng);
				default -> p.dialysis ? follow(p, s, s.end + 16 + rng.nextInt(4), b, s.provider, null, s.diag,
						Visit.Role.DECOY, stays, rng)
						: follow(p, s, s.end + rng.nextInt(16), b, s.provider, null, otherCategory(s.diag),
								Visit.Role.DECOY, stays, rng);
			};
		}
		return s.end;
	}

	private int follow(Person p, Visit s, int start, int b, Provider fixed, Provider avoid, Diagnosis diag,
			Visit.Role role, List<Visit> stays, SplittableRandom rng) {
		Visit next = stay(p, start, b, fixed, avoid, diag, rng);
		next.role = role;
		next.partner = s;
		stays.add(next);
		return next.end;
	}

	private static Diagnosis otherCategory(Diagnosis d) {
		return d.prefix().equals("J18") ? Diagnosis.STROKE : Diagnosis.PNEUMONIA;
	}

	/**
	 * One admission. The hospital is chosen before the diagnosis because an injected high-value-consumable outlier
	 * admits mostly coronary patients; a stay with a fixed or avoided hospital stays in the home city.
	 */
	private Visit stay(Person p, int start, int b, Provider fixed, Provider avoid, Diagnosis diag,
			SplittableRandom rng) {
		Prefecture where = p.residence;
		if (fixed == null && avoid == null && p.insured.shandong
				&& rng.nextDouble() < (p.lungCancer ? 0.35 : 0.01)) {
			where = Prefecture.ELSEWHERE.get(rng.nextInt(Prefecture.ELSEWHERE.size()));
		}
		boolean outOfArea = !p.insured.pooling.equals(where.pooling);
		Provider provider = fixed;
		if (provider == null) {
			Tier tier = where.shandong ? Tier.forInpatient(rng) : Tier.H3;
			provider = routing.route(where, tier, true, outOfArea, avoid);
			for (Tier t : new Tier[] { Tier.H3, Tier.H2, Tier.H1, Tier.H0 }) {
				if (provider == null) {
					provider = routing.route(where, t, true, outOfArea, avoid);
				}
			}
		}
		else {
			outOfArea = !p.insured.pooling.equals(fixed.medicalRegion());
			routing.count(fixed, true, outOfArea);
		}
		Diagnosis d = diag != null ? diag : CaseMix.admission(p, provider, rng);
		Visit v = new Visit(Visit.MedType.INPATIENT, start, Math.min(b, start + d.stayLength(rng)), d);
		v.provider = provider;
		v.outOfArea = outOfArea;
		return v;
	}

	/** Days until the next admission: geometric with the daily rate. */
	private static int waitDays(double daily, SplittableRandom rng) {
		if (daily <= 0) {
			return Integer.MAX_VALUE / 2;
		}
		double u = 1 - rng.nextDouble();
		return 1 + (int) Math.min(1e6, Math.floor(Math.log(u) / Math.log1p(-Math.min(daily, 0.5))));
	}
}

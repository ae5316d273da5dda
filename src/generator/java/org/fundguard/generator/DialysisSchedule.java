package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Outpatient haemodialysis sessions of one patient: three fixed weekdays (Mon/Wed/Fri or Tue/Thu/Sat), now and
 * then one missed, never on a day in hospital (where the stay bills dialysis on the same weekdays). So a
 * background week has at most three dialysis days. The injected pattern adds a fourth day to one full week.
 */
final class DialysisSchedule {

	private static final int[][] EXTRA_OFFSETS = { { 1, 3, 5, 6 }, { 0, 2, 4, 6 } };

	private final Person p;
	private final int a;
	private final int b;
	private final List<Visit> stays;
	private final Injections injections;

	DialysisSchedule(Person p, int a, int b, List<Visit> stays, Injections injections) {
		this.p = p;
		this.a = a;
		this.b = b;
		this.stays = stays;
		this.injections = injections;
	}

	static boolean dialysisDay(int pattern, int day) {
		int dow = ExportPeriod.dayOfWeek(day);
		return pattern == 0 ? dow == 1 || dow == 3 || dow == 5 : dow == 2 || dow == 4 || dow == 6;
	}

	void plan(List<Visit> visits, List<String[]> weeks, SplittableRandom rng) {
		List<Integer> candidates = cleanWeeks();
		int injected = -1;
		int decoy = -1;
		if (!candidates.isEmpty() && injections.dialysisFrequency.take()) {
			injected = candidates.get(rng.nextInt(candidates.size()));
		}
		if (candidates.size() > 1 && injections.dialysisDecoy.take()) {
			decoy = candidates.get(rng.nextInt(candidates.size()));
			decoy = decoy == injected ? -1 : decoy;
		}
		boolean decoyMade = false;
		for (int d = a; d <= b; d++) {
			if (!dialysisDay(p.dialysisPattern, d) || CarePlanner.covered(d, stays)) {
				continue;
			}
			boolean forced = injected >= 0 && d >= injected && d <= injected + 6;
			if (forced || rng.nextDouble() >= 0.08) {
				visits.add(session(d, Visit.Role.BACKGROUND));
				if (!decoyMade && decoy >= 0 && d >= decoy && d <= decoy + 6) {
					// a second settlement the same day still makes one dialysis day
					visits.add(session(d, Visit.Role.DECOY));
					injections.decoy(injections.dialysisDecoy);
					decoyMade = true;
				}
			}
		}
		if (injected >= 0) {
			int[] offsets = EXTRA_OFFSETS[p.dialysisPattern];
			int extra = injected + offsets[rng.nextInt(offsets.length)];
			visits.add(session(extra, Visit.Role.DIALYSIS_EXTRA));
			StringBuilder days = new StringBuilder("4 dialysis days:");
			for (int d = injected; d <= injected + 6; d++) {
				if (d == extra || dialysisDay(p.dialysisPattern, d)) {
					days.append(' ').append(java.time.LocalDate.ofEpochDay(d));
				}
			}
			weeks.add(new String[] { p.personId + "|" + ExportPeriod.isoWeek(injected), days.toString() });
		}
	}

	/** Mondays of ISO weeks that lie wholly in [a, b] without a day in hospital. */
	private List<Integer> cleanWeeks() {
		List<Integer> mondays = new ArrayList<>();
		int monday = a + Math.floorMod(1 - ExportPeriod.dayOfWeek(a), 7);
		for (; monday + 6 <= b; monday += 7) {
			boolean clean = true;
			for (int d = monday; d <= monday + 6 && clean; d++) {
				clean = !CarePlanner.covered(d, stays);
			}
			if (clean) {
				mondays.add(monday);
			}
		}
		return mondays;
	}

	private static Visit session(int day, Visit.Role role) {
		Visit v = new Visit(Visit.MedType.CHRONIC, day, day, Diagnosis.CKD5);
		v.dialysisSession = true;
		v.role = role;
		return v;
	}
}

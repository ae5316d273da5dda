package org.fundguard.generator;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Crafted persons for the boundaries of the knowledge-base rules, which random data almost never hits exactly: the
 * age limit on the birthday itself and for a 29 February birthday in a common year, a daily quantity exactly at the
 * limit, exactly N general-outpatient settlements a day, coverage ending on the visit day, coverage ending exactly G
 * days after a death, an exclusive pair named on one side only, a minor illness admitted. Each is a Zibo resident
 * treated at one Zibo hospital that is no designed peer outlier; the ground truth is evaluated like everyone's.
 */
final class KnowledgeBaseEdgeCases {

	/** One crafted person: birth and gender, coverage, and the visits with the lines they add to the usual bill. */
	record Case(String name, LocalDate birth, int gender, LocalDate end, LocalDate death, List<Visit> visits) {
	}

	private final List<Case> cases = new ArrayList<>();

	KnowledgeBaseEdgeCases(ExportPeriod period, ProviderDirectory directory) {
		Provider hospital = null;
		for (Provider p : directory.providers) {
			if (hospital == null && p.tier.hospital() && p.routable() && p.outlierRule == null
					&& KnowledgeBaseTruths.inJurisdiction(p.region())) {
				hospital = p;
			}
		}
		if (hospital == null || period.lastDay - period.firstDay < 120) {
			return;
		}
		LocalDate d = LocalDate.ofEpochDay((period.firstDay + period.lastDay) / 2);
		if (d.getMonthValue() == 12 && d.getDayOfMonth() == 31 || d.getMonthValue() == 2 && d.getDayOfMonth() == 29) {
			d = d.minusDays(1);
		}
		int day = (int) d.toEpochDay();
		Provider h = hospital;
		// the age limits on the birthday: 18 on the day is above a child-only item's max_age 17, 65 reaches min_age 65
		add("turns 18 on the visit day (hit)", d.minusYears(18), 1, null, null, general(h, day, lines(Item.PAEDIATRIC_SYRUP, 1)));
		add("turns 18 the day after (no hit)", d.minusYears(18).plusDays(1), 2, null, null,
				general(h, day, lines(Item.PAEDIATRIC_SYRUP, 1)));
		add("turns 65 on the visit day (no hit)", d.minusYears(65), 1, null, null,
				general(h, day, lines(Item.GERIATRIC_ASSESSMENT, 1)));
		add("turns 65 the day after (hit)", d.minusYears(65).plusDays(1), 2, null, null,
				general(h, day, lines(Item.GERIATRIC_ASSESSMENT, 1)));
		leapling(period, h);
		LocalDate adult = d.minusYears(40).minusDays(100);
		add("daily quantity exactly the limit over two lines (no hit)", adult, 1, null, null,
				general(h, day, lines(Item.IM_INJECTION, 1, Item.IM_INJECTION, 2)));
		add("daily quantity over the limit (hit)", adult.minusDays(1), 2, null, null,
				general(h, day, lines(Item.IM_INJECTION, 2, Item.IM_INJECTION, 2)));
		add("exactly N general-outpatient settlements a day (no hit)", adult.minusDays(2), 1, null, null,
				general(h, day, null), general(h, day, null));
		add("N + 1 general-outpatient settlements a day (hit)", adult.minusDays(3), 2, null, null, general(h, day, null),
				general(h, day, null), general(h, day, null));
		add("coverage ending on the visit day (no hit)", adult.minusDays(4), 1, d, null, general(h, day, null));
		add("coverage ending the day before the visit (hit)", adult.minusDays(5), 2, d.minusDays(1), null,
				general(h, day - 10, null), general(h, day, null));
		Visit fever = general(h, day, lines(Item.CBC_CRP, 1));
		fever.diag = Diagnosis.FEVER;
		add("exclusive pair named on one side only (hit)", adult.minusDays(6), 1, null, null, fever);
		LocalDate death = d.minusDays(100);
		add("coverage ending exactly G days after the death (no hit)", d.minusYears(80), 2,
				death.plusDays(KnowledgeBase.DEATH_GRACE_DAYS), death);
		add("coverage ending G + 1 days after the death (hit)", d.minusYears(81), 1,
				death.plusDays(KnowledgeBase.DEATH_GRACE_DAYS + 1), death);
		Visit stay = new Visit(Visit.MedType.INPATIENT, day - 6, day - 1, Diagnosis.LOW_BACK_PAIN);
		stay.provider = h;
		add("low back pain admitted (hit)", adult.minusDays(7), 2, null, null, stay);
	}

	/**
	 * One born on 29 February, seen on 28 February and on 1 March of a common year of the period: a year older only
	 * on 1 March. The item whose limit that birthday crosses depends on the year (an age of 18, 7 or 65 years).
	 */
	private void leapling(ExportPeriod period, Provider h) {
		for (int y = period.last().getYear(); y >= period.first().getYear(); y--) {
			LocalDate feb28 = LocalDate.of(y, 2, 28);
			LocalDate mar1 = LocalDate.of(y, 3, 1);
			if (Year.isLeap(y) || feb28.toEpochDay() < period.firstDay || mar1.toEpochDay() > period.lastDay) {
				continue;
			}
			Item item = switch (y % 4) {
				case 2 -> Item.PAEDIATRIC_SYRUP;
				case 3 -> Item.CHILD_GROWTH;
				default -> Item.GERIATRIC_ASSESSMENT;
			};
			int age = item == Item.PAEDIATRIC_SYRUP ? 18 : item == Item.CHILD_GROWTH ? 7 : 65;
			if (!Year.isLeap(y - age)) {
				continue;
			}
			add("born 29 February, seen on 28 February and 1 March of " + y, LocalDate.of(y - age, 2, 29), 2, null, null,
					general(h, (int) feb28.toEpochDay(), lines(item, 1)), general(h, (int) mar1.toEpochDay(), lines(item, 1)));
			return;
		}
	}

	private void add(String name, LocalDate birth, int gender, LocalDate end, LocalDate death, Visit... visits) {
		cases.add(new Case(name, birth, gender, end, death, new ArrayList<>(List.of(visits))));
	}

	private static Visit general(Provider h, int day, Consumer<Claim> extra) {
		Visit v = new Visit(Visit.MedType.GENERAL, day, day, Diagnosis.URI);
		v.provider = h;
		v.extraLines = extra;
		return v;
	}

	/** Lines of item and whole units, in pairs, billed at 10:00 and 10:30 of the visit day. */
	private static Consumer<Claim> lines(Object... itemAndUnits) {
		return c -> {
			for (int i = 0; i < itemAndUnits.length; i += 2) {
				c.add((Item) itemAndUnits[i], c.visit.start, 10 * 3600 + i * 900, (Integer) itemAndUnits[i + 1]);
			}
		};
	}

	List<Case> cases() {
		return cases;
	}
}

package org.fundguard.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates the insured persons one by one, each from its own random stream (so nothing about one person depends on
 * the others), and now and then a second record with the same id_number right after the first: the duplicate
 * enrolment pattern (重复参保), or a decoy whose coverage periods follow each other without overlapping.
 */
final class Population {

	private final long seed;
	private final int count;
	private final ExportPeriod period;
	private final Injections injections;
	private final IdAllocator ids;
	private int nextIndex;
	private List<KnowledgeBaseEdgeCases.Case> crafted = List.of();
	private int craftedNext;
	private Person pendingTwin;

	Population(long seed, int count, ExportPeriod period, Injections injections) {
		this.seed = seed;
		this.count = count;
		this.period = period;
		this.injections = injections;
		this.ids = new IdAllocator(seed);
	}

	/**
	 * The crafted persons of the knowledge-base boundaries, made last in place of as many background ones; only in
	 * populations large enough that they are a small share.
	 */
	void craft(List<KnowledgeBaseEdgeCases.Case> cases) {
		crafted = included(count, cases) ? cases : List.of();
	}

	static boolean included(int count, List<KnowledgeBaseEdgeCases.Case> cases) {
		return count >= 10 * cases.size();
	}

	/** The person_id the i-th crafted case gets (they are the last persons, all insured in Zibo). */
	static String craftedPersonId(int count, List<KnowledgeBaseEdgeCases.Case> cases, int i) {
		return personId(Prefecture.ZIBO, count - cases.size() + i);
	}

	/** The next person record, or null when all are made. */
	Person next() {
		if (pendingTwin != null) {
			Person twin = pendingTwin;
			pendingTwin = null;
			return twin;
		}
		if (nextIndex >= count - crafted.size()) {
			return craftedNext < crafted.size() ? crafted(nextIndex++, crafted.get(craftedNext++)) : null;
		}
		int index = nextIndex++;
		SplittableRandom rng = Seeds.random(seed, Seeds.PERSON, index);
		Person p = create(index, rng);
		maybeTwin(p);
		return p;
	}

	private Person create(int index, SplittableRandom rng) {
		Person p = new Person();
		p.index = index;
		double r = rng.nextDouble();
		p.insured = r < 0.58 ? Prefecture.ZIBO : r < 0.95 ? Prefecture.LINYI
				: Prefecture.ELSEWHERE.get(rng.nextInt(Prefecture.ELSEWHERE.size()));
		double stay = rng.nextDouble();
		p.residence = switch (p.insured) {
			case ZIBO -> stay < 0.97 ? Prefecture.ZIBO : Prefecture.LINYI;
			case LINYI -> stay < 0.92 ? Prefecture.LINYI : Prefecture.ZIBO;
			default -> stay < 0.8 ? Prefecture.ZIBO : Prefecture.LINYI;
		};
		p.personId = personId(p.insured, index);
		p.gender = rng.nextDouble() < 0.5 ? 1 : 2;
		int lastYear = period.lastMonth.getYear();
		IdAllocator.Allocation id = ids.allocate(p.insured, lastYear - sampleAge(rng), p.gender);
		p.idNumber = id.idNumber();
		p.birth = id.birth();
		p.age = p.birth.until(period.last()).getYears();
		p.name = ChineseNames.name(p.gender, rng);
		p.insuranceType = rng.nextDouble() < employeeShare(p) ? "310" : "390";
		p.assisted = rng.nextDouble() < (p.employee() ? 0.02 : 0.09);
		coverage(p, rng);
		conditions(p, rng);
		return p;
	}

	private static int sampleAge(SplittableRandom rng) {
		double r = rng.nextDouble();
		return r < 0.14 ? 1 + rng.nextInt(14) : r < 0.44 ? 15 + rng.nextInt(25) : r < 0.76 ? 40 + rng.nextInt(20)
				: r < 0.96 ? 60 + rng.nextInt(20) : 80 + rng.nextInt(18);
	}

	private static double employeeShare(Person p) {
		double working = p.insured == Prefecture.ZIBO ? 0.55 : p.insured == Prefecture.LINYI ? 0.35 : 0.8;
		return p.age < 18 ? 0 : p.age < 60 ? working : working * 0.6;
	}

	private void coverage(Person p, SplittableRandom rng) {
		int first = period.firstDay;
		int last = period.lastDay;
		int born = (int) p.birth.toEpochDay();
		int schemeStart = (int) LocalDate.of(p.employee() ? 1999 : 2008, 1, 1).toEpochDay();
		int enroll;
		if (born >= first - 365) {
			enroll = born + rng.nextInt(61); // newborns are enrolled within two months of birth
		}
		else if (rng.nextDouble() < 0.03) {
			enroll = first + rng.nextInt(Math.max(1, last - first - 30));
		}
		else {
			int earliest = Math.max(born, schemeStart);
			enroll = earliest + rng.nextInt(Math.max(1, first - earliest));
		}
		enroll = Math.min(enroll, last);
		p.enroll = LocalDate.ofEpochDay(enroll);
		double r = rng.nextDouble();
		int from = Math.max(enroll, first) + 30;
		if (r < 0.03 && from < last) {
			p.end = LocalDate.ofEpochDay(from + rng.nextInt(last - from + 1));
		}
		else if (r < 0.04 && enroll < first - 1) {
			p.end = LocalDate.ofEpochDay(enroll + 1 + rng.nextInt(first - 1 - enroll));
		}
		double annual = p.age < 60 ? 0.002 : p.age < 75 ? 0.015 : 0.06;
		if (rng.nextDouble() < annual * period.months / 12) {
			int death = first + rng.nextInt(last - first + 1);
			if (death >= enroll) {
				p.death = LocalDate.ofEpochDay(death);
				// most deaths are reported and end the coverage (减员); the rest stay enrolled (死亡不减员)
				if (rng.nextDouble() < 0.6 && (p.end == null || p.end.isAfter(p.death))) {
					p.end = p.death;
				}
			}
		}
		else if (p.age >= 60 && p.end == null && rng.nextDouble() < 0.004) {
			int death = first - 1 - rng.nextInt(3 * 365);
			if (death >= enroll) {
				p.death = LocalDate.ofEpochDay(death);
			}
		}
	}

	private static void conditions(Person p, SplittableRandom rng) {
		int a = p.age;
		p.hypertension = rng.nextDouble() < (a < 18 ? 0 : a < 45 ? 0.05 : a < 60 ? 0.25 : 0.45);
		p.diabetes = rng.nextDouble() < (a < 18 ? 0 : a < 45 ? 0.02 : a < 60 ? 0.10 : 0.18);
		p.coronary = rng.nextDouble() < (a < 45 ? 0 : a < 60 ? 0.04 : 0.12);
		p.copd = rng.nextDouble() < (a < 45 ? 0 : a < 60 ? 0.02 : 0.08);
		p.lungCancer = a >= 45 && rng.nextDouble() < 0.004;
		// dialysis patients are treated where they are insured: out-of-area dialysis would tie the out-of-area
		// share of outpatient visits to a handful of patients
		p.dialysis = a >= 30 && !p.outOfArea() && rng.nextDouble() < 0.005;
		p.dialysisPattern = rng.nextInt(2);
	}

	private void maybeTwin(Person p) {
		boolean eligible = nextIndex < count && p.age >= 18 && p.death == null && p.end == null
				&& p.enroll.toEpochDay() < period.firstDay && !p.dialysis && p.insured.shandong;
		if (!eligible) {
			return;
		}
		if (injections.duplicateEnrollment.take()) {
			pendingTwin = twin(p, false);
		}
		else if (period.lastDay - period.firstDay > 240 && injections.duplicateDecoy.take()) {
			pendingTwin = twin(p, true);
			injections.decoy(injections.duplicateDecoy);
		}
	}

	/** The same human enrolled a second time in the other city and scheme (employee there, resident here). */
	private Person twin(Person p, boolean decoy) {
		int index = nextIndex++;
		SplittableRandom rng = Seeds.random(seed, Seeds.PERSON, index);
		Person t = new Person();
		t.index = index;
		t.insured = p.insured == Prefecture.ZIBO ? Prefecture.LINYI : Prefecture.ZIBO;
		t.personId = personId(t.insured, index);
		t.residence = p.residence;
		t.idNumber = p.idNumber;
		t.name = p.name;
		t.gender = p.gender;
		t.birth = p.birth;
		t.age = p.age;
		t.insuranceType = p.employee() ? "390" : "310";
		t.assisted = p.assisted;
		t.hypertension = p.hypertension;
		t.diabetes = p.diabetes;
		t.coronary = p.coronary;
		t.copd = p.copd;
		t.lungCancer = p.lungCancer;
		if (decoy) {
			int end = period.firstDay + 60 + rng.nextInt(period.lastDay - period.firstDay - 180);
			p.end = LocalDate.ofEpochDay(end);
			t.enroll = LocalDate.ofEpochDay(end + 30 + rng.nextInt(60));
		}
		else {
			int earliest = (int) Math.max(p.birth.plusYears(18).toEpochDay(), LocalDate.of(2008, 1, 1).toEpochDay());
			t.enroll = LocalDate.ofEpochDay(earliest + rng.nextInt(Math.max(1, period.firstDay - earliest)));
		}
		p.mustSettle = true;
		t.mustSettle = true;
		t.twinOf = p;
		t.twinDecoy = decoy;
		return t;
	}

	/** A Zibo resident with the case's birth date (its identity number from the allocator), coverage and visits. */
	private Person crafted(int index, KnowledgeBaseEdgeCases.Case k) {
		Person p = new Person();
		p.index = index;
		p.insured = Prefecture.ZIBO;
		p.residence = Prefecture.ZIBO;
		p.personId = personId(p.insured, index);
		p.gender = k.gender();
		IdAllocator.Allocation a = ids.allocate(p.insured, k.birth().getYear(), p.gender);
		// the allocator walks every day of the year within 365 numbers
		for (int tries = 0; !a.birth().equals(k.birth()) && tries < 400; tries++) {
			a = ids.allocate(p.insured, k.birth().getYear(), p.gender);
		}
		if (!a.birth().equals(k.birth())) {
			throw new IllegalStateException("no identity number for a birth on " + k.birth());
		}
		p.idNumber = a.idNumber();
		p.birth = k.birth();
		p.age = p.birth.until(period.last()).getYears();
		p.name = ChineseNames.name(p.gender, Seeds.random(seed, Seeds.PERSON, index));
		p.insuranceType = p.age >= 18 && p.age < 60 ? "310" : "390";
		LocalDate floor = period.first().minusYears(5);
		LocalDate enroll = p.birth.plusDays(30);
		p.enroll = enroll.isAfter(floor) ? enroll : floor;
		p.end = k.end();
		p.death = k.death();
		p.craftedPlan = new CarePlanner.CarePlan(k.visits(), List.of());
		return p;
	}

	private static String personId(Prefecture insured, int index) {
		return insured.pooling + String.format("%014d", index + 1L);
	}
}

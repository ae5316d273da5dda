package org.fundguard.generator;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth of the ten knowledge-base rules, evaluated on the exact rows written, by domain.md's definitions:
 * whatever the injections meant, and whatever the background happens to contain, the truth is what the
 * definitions find. The manifest counts the hits outside injected cases ({@code backgroundHits}), which the
 * catalogue design keeps at zero. Subject keys: settlement|item for the restricted-item rules,
 * settlement|item|day for daily-frequency, settlement|itemA|itemB (code order) for exclusive-items, the settlement
 * for minor-illness-admission and not-enrolled, person|provider|day for split-outpatient, the person for
 * enrolled-after-death, region|insurance type|year for current-deficit.
 */
final class KnowledgeBaseTruths {

	static final List<String> RULES = List.of("gender-restricted", "age-restricted", "med-type-restricted",
			"daily-frequency", "exclusive-items", "minor-illness-admission", "split-outpatient", "not-enrolled",
			"enrolled-after-death", "current-deficit");

	private KnowledgeBaseTruths() {
	}

	static boolean inJurisdiction(String region) {
		return region.startsWith(ProviderDirectory.JURISDICTION);
	}

	/** Age in whole years at the visit: Period counts a 29 February birthday on 1 March in common years. */
	static int age(Person p, int day) {
		return Period.between(p.birth, LocalDate.ofEpochDay(day)).getYears();
	}

	/** The line rules and minor-illness-admission, for one billed settlement treated in the jurisdiction. */
	static void settlement(Claim c, ExportPeriod period, ExportSink sink) throws IOException {
		Visit v = c.visit;
		if (!inJurisdiction(v.provider.medicalRegion())) {
			return;
		}
		Person p = c.person;
		String id = v.settlementId;
		int age = age(p, v.start);
		Map<String, String> found = new LinkedHashMap<>();
		Map<String, long[]> perDay = new TreeMap<>();
		List<Item> items = new ArrayList<>();
		for (Bill.Line l : c.bill.lines) {
			KnowledgeBase.Restriction r = KnowledgeBase.of(l.item);
			String key = id + "|" + l.item.code;
			if (!r.allowsGender(p.gender)) {
				found.putIfAbsent("gender-restricted " + key, l.item.label + " is for gender " + r.genderOnly()
						+ " only, the person's gender is " + p.gender);
			}
			if (!r.allowsAge(age)) {
				found.putIfAbsent("age-restricted " + key, String.format("%s is for ages %s..%s, the person is %d at %s "
						+ "(born %s)", l.item.label, r.minAge() == null ? "" : r.minAge(), r.maxAge() == null ? "" : r.maxAge(),
						age, period.date(v.start), p.birth));
			}
			if (!r.allowsMedType(v.type.code)) {
				found.putIfAbsent("med-type-restricted " + key, l.item.label + " is payable under med_type "
						+ String.join(";", r.medTypes()) + " only, the settlement's is " + v.type.code);
			}
			if (r.maxPerDay() != null) {
				perDay.computeIfAbsent(key + "|" + period.date(l.day), k -> new long[] { 0, r.maxPerDay() })[0] += l.quantity;
			}
			if (!items.contains(l.item)) {
				items.add(l.item);
			}
		}
		perDay.forEach((key, sumAndLimit) -> {
			if (sumAndLimit[0] > sumAndLimit[1] * Bill.UNIT) {
				found.put("daily-frequency " + key, "quantity " + Money.quantity(sumAndLimit[0]) + " in one day, limit "
						+ sumAndLimit[1]);
			}
		});
		for (int i = 0; i < items.size(); i++) {
			for (int j = i + 1; j < items.size(); j++) {
				Item a = items.get(i);
				Item b = items.get(j);
				if (KnowledgeBase.exclusive(a, b)) {
					boolean ordered = a.code.compareTo(b.code) < 0;
					Item first = ordered ? a : b;
					Item second = ordered ? b : a;
					found.put("exclusive-items " + id + "|" + first.code + "|" + second.code, first.label + " and "
							+ second.label + " exclude each other");
				}
			}
		}
		if (v.inpatient()) {
			for (String prefix : KnowledgeBase.MINOR_ILLNESS_PREFIXES) {
				if (v.diag.code.startsWith(prefix)) {
					found.put("minor-illness-admission " + id, "admitted with " + v.diag.code + " " + v.diag.label);
					break;
				}
			}
		}
		for (var e : found.entrySet()) {
			int space = e.getKey().indexOf(' ');
			sink.truth(e.getKey().substring(0, space), e.getKey().substring(space + 1), e.getValue());
		}
	}

	/** not-enrolled, split-outpatient and enrolled-after-death, once the person's settlements have their ids. */
	static void person(Person p, List<Visit> visits, ExportPeriod period, ExportSink sink) throws IOException {
		boolean insuredHere = inJurisdiction(p.insured.pooling);
		Map<String, Integer> outpatientDays = new TreeMap<>();
		for (Visit v : visits) {
			if (insuredHere && !covered(p, v.start)) {
				sink.truth("not-enrolled", v.settlementId, String.format("visit %s, coverage %s..%s", period.date(v.start),
						p.enroll, p.end == null ? "" : p.end));
			}
			if (v.type == Visit.MedType.GENERAL && inJurisdiction(v.provider.medicalRegion())) {
				outpatientDays.merge(p.personId + "|" + v.provider.code + "|" + period.date(v.start), 1, Integer::sum);
			}
		}
		for (var e : outpatientDays.entrySet()) {
			if (e.getValue() > KnowledgeBase.SPLIT_N) {
				sink.truth("split-outpatient", e.getKey(), e.getValue() + " general-outpatient settlements on one day");
			}
		}
		if (insuredHere && enrolledAfterDeath(p)) {
			sink.truth("enrolled-after-death", p.personId, "death_date " + p.death + ", coverage "
					+ (p.end == null ? "without end" : "ending " + p.end + ", "
							+ ChronoUnit.DAYS.between(p.death, p.end) + " days later"));
		}
	}

	static boolean covered(Person p, int day) {
		return day >= p.enroll.toEpochDay() && (p.end == null || day <= p.end.toEpochDay());
	}

	static boolean enrolledAfterDeath(Person p) {
		return p.death != null && (p.end == null || ChronoUnit.DAYS.between(p.death, p.end) > KnowledgeBase.DEATH_GRACE_DAYS);
	}

	/**
	 * current-deficit over the ledger as written: each calendar year whose twelve months are all in fund_ledger.csv and
	 * whose income, summed in cents, is strictly below the year's expenditure (fund_paid by month of settle_time).
	 */
	static List<FundLedger.Hit> deficits(FundLedger ledger, FundBook book, ExportPeriod period) {
		Map<String, long[]> years = new TreeMap<>();
		for (FundLedger.Row r : ledger.rows) {
			if (!inJurisdiction(FundBook.region(r.fund()).pooling)) {
				continue;
			}
			String key = FundBook.name(r.fund()) + "|" + period.yearMonth(r.month()).getYear();
			long[] y = years.computeIfAbsent(key, k -> new long[3]);
			y[0]++;
			y[1] += r.income();
			y[2] += book.expenditure[r.fund()][r.month()];
		}
		List<FundLedger.Hit> hits = new ArrayList<>();
		years.forEach((key, y) -> {
			if (y[0] == 12 && y[1] < y[2]) {
				hits.add(new FundLedger.Hit("current-deficit", key, "income " + Money.format(y[1]) + " below expenditure "
						+ Money.format(y[2])));
			}
		});
		return hits;
	}

	/** The jurisdiction's fund-years with fewer than twelve ledger months whose income is below expenditure: not hits. */
	static long partialYearDeficits(FundLedger ledger, FundBook book, ExportPeriod period) {
		Map<String, long[]> years = new TreeMap<>();
		for (FundLedger.Row r : ledger.rows) {
			if (inJurisdiction(FundBook.region(r.fund()).pooling)) {
				long[] y = years.computeIfAbsent(FundBook.name(r.fund()) + "|" + period.yearMonth(r.month()).getYear(),
						k -> new long[3]);
				y[0]++;
				y[1] += r.income();
				y[2] += book.expenditure[r.fund()][r.month()];
			}
		}
		return years.values().stream().filter(y -> y[0] < 12 && y[1] < y[2]).count();
	}
}

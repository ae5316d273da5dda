package org.fundguard.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.generator.CsvTables.Table;

/**
 * A brute-force reference implementation of domain.md's monitoring-rule table, written from the definitions
 * alone and sharing no code with the generator: it reads the CSV files and returns, per rule, the set of subject
 * keys in the ground truth's conventions. Quadratic where that is simplest; fine for a test export.
 */
final class ReferenceRules {

	static final int DIALYSIS_DAYS = 3;
	static final int READMISSION_DAYS = 15;
	static final BigDecimal PRICE_TOLERANCE = new BigDecimal("0.01");
	static final double Z = 3.5;
	static final int MIN_SETTLEMENTS = 30;
	static final int MIN_GROUP = 5;
	static final BigDecimal GROWTH = new BigDecimal("1.20");
	static final BigDecimal RESERVE_MONTHS = new BigDecimal("6");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	record Person(String id, String idNumber, String insuranceType, LocalDate enroll, LocalDate end, LocalDate death) {
	}

	record Item(String code, BigDecimal ceiling, BigDecimal maxQty, List<String> restrict, Set<String> tags,
			List<String> requires) {
	}

	record Provider(String code, String type, String region, String level) {
	}

	record Settlement(String id, String person, String provider, String medicalRegion, String insuredRegion,
			String medType, LocalDate start, LocalDate end, LocalDateTime settled, String diag, BigDecimal fundPaid) {

		boolean inpatient() {
			return medType.equals("21");
		}
	}

	record Line(String settlement, LocalDateTime time, String item, BigDecimal quantity, BigDecimal price,
			BigDecimal amount) {
	}

	private final Map<String, Person> persons = new HashMap<>();
	private final Map<String, Item> items = new HashMap<>();
	private final Map<String, Provider> providers = new HashMap<>();
	private final List<Settlement> settlements = new ArrayList<>();
	private final Map<String, Settlement> settlementById = new HashMap<>();
	private final Map<String, List<Line>> linesBySettlement = new HashMap<>();
	private final Map<String, List<Settlement>> settlementsByPerson = new HashMap<>();
	private final Table ledger;
	private final Map<String, Set<String>> hits = new TreeMap<>();

	private ReferenceRules(CsvTables t) {
		Table p = t.get("persons.csv");
		for (String[] r : p.rows()) {
			persons.put(p.get(r, "person_id"), new Person(p.get(r, "person_id"), p.get(r, "id_number"),
					p.get(r, "insurance_type"), date(p.get(r, "enroll_date")), date(p.get(r, "end_date")),
					date(p.get(r, "death_date"))));
		}
		Table it = t.get("items.csv");
		for (String[] r : it.rows()) {
			items.put(it.get(r, "item_code"), new Item(it.get(r, "item_code"), decimal(it.get(r, "price_ceiling")),
					decimal(it.get(r, "max_qty_per_visit")), split(it.get(r, "restrict_diag")),
					new HashSet<>(split(it.get(r, "tags"))), split(it.get(r, "requires_tag"))));
		}
		Table pr = t.get("providers.csv");
		for (String[] r : pr.rows()) {
			providers.put(pr.get(r, "provider_code"), new Provider(pr.get(r, "provider_code"), pr.get(r, "provider_type"),
					pr.get(r, "region"), pr.get(r, "level")));
		}
		Table s = t.get("settlements.csv");
		for (String[] r : s.rows()) {
			Settlement x = new Settlement(s.get(r, "settlement_id"), s.get(r, "person_id"), s.get(r, "provider_code"),
					s.get(r, "medical_region"), s.get(r, "insured_region"), s.get(r, "med_type"),
					date(s.get(r, "visit_start")), date(s.get(r, "visit_end")),
					LocalDateTime.parse(s.get(r, "settle_time"), DATE_TIME), s.get(r, "diag_code"),
					new BigDecimal(s.get(r, "fund_paid")));
			settlements.add(x);
			settlementById.put(x.id, x);
			settlementsByPerson.computeIfAbsent(x.person, k -> new ArrayList<>()).add(x);
		}
		Table f = t.get("fee_items.csv");
		for (String[] r : f.rows()) {
			Line l = new Line(f.get(r, "settlement_id"), LocalDateTime.parse(f.get(r, "item_time"), DATE_TIME),
					f.get(r, "item_code"), new BigDecimal(f.get(r, "quantity")), new BigDecimal(f.get(r, "unit_price")),
					new BigDecimal(f.get(r, "amount")));
			linesBySettlement.computeIfAbsent(l.settlement, k -> new ArrayList<>()).add(l);
		}
		ledger = t.get("fund_ledger.csv");
	}

	/** Per rule id, the subject keys an exact implementation reports over the whole export period. */
	static Map<String, Set<String>> evaluate(CsvTables tables, String jurisdictionPrefix) {
		ReferenceRules r = new ReferenceRules(tables);
		r.dialysisFrequency();
		r.lineRules();
		r.outpatientDuringStay();
		r.overlappingStays();
		r.afterDeath();
		r.readmission();
		r.peerOutliers(jurisdictionPrefix);
		r.duplicateEnrollment();
		r.funds();
		r.hits.putAll(KnowledgeBaseReferenceRules.evaluate(tables, jurisdictionPrefix));
		return r.hits;
	}

	private void hit(String rule, String key) {
		hits.computeIfAbsent(rule, k -> new TreeSet<>()).add(key);
	}

	private void dialysisFrequency() {
		Map<String, Set<LocalDate>> days = new HashMap<>();
		for (Settlement s : settlements) {
			for (Line l : lines(s)) {
				if (items.get(l.item).tags.contains("dialysis")) {
					LocalDate d = l.time.toLocalDate();
					String week = String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
							d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
					days.computeIfAbsent(s.person + "|" + week, k -> new HashSet<>()).add(d);
				}
			}
		}
		days.forEach((key, set) -> {
			if (set.size() > DIALYSIS_DAYS) {
				hit("dialysis-frequency", key);
			}
		});
	}

	/** restricted-diagnosis, price-over-ceiling, quantity-over-limit and missing-procedure: one settlement at a time. */
	private void lineRules() {
		for (Settlement s : settlements) {
			Map<String, BigDecimal> quantities = new HashMap<>();
			Set<String> tagsBilled = new HashSet<>();
			for (Line l : lines(s)) {
				tagsBilled.addAll(items.get(l.item).tags);
				quantities.merge(l.item, l.quantity, BigDecimal::add);
			}
			for (Line l : lines(s)) {
				Item item = items.get(l.item);
				String key = s.id + "|" + item.code;
				if (!item.restrict.isEmpty() && item.restrict.stream().noneMatch(s.diag::startsWith)) {
					hit("restricted-diagnosis", key);
				}
				if (item.ceiling != null && l.price.subtract(item.ceiling).compareTo(PRICE_TOLERANCE) > 0) {
					hit("price-over-ceiling", key);
				}
				if (item.maxQty != null && quantities.get(item.code).compareTo(item.maxQty) > 0) {
					hit("quantity-over-limit", key);
				}
				if (!item.requires.isEmpty() && item.requires.stream().noneMatch(tagsBilled::contains)) {
					hit("missing-procedure", key);
				}
			}
		}
	}

	private void outpatientDuringStay() {
		for (Settlement s : settlements) {
			if (s.inpatient()) {
				continue;
			}
			for (Settlement stay : settlementsByPerson.get(s.person)) {
				if (stay.inpatient() && !stay.provider.equals(s.provider) && stay.start.isBefore(s.start)
						&& s.start.isBefore(stay.end)) {
					hit("outpatient-during-stay", s.id);
				}
			}
		}
	}

	private void overlappingStays() {
		for (List<Settlement> own : settlementsByPerson.values()) {
			for (Settlement a : own) {
				for (Settlement b : own) {
					if (a.inpatient() && b.inpatient() && a.id.compareTo(b.id) < 0 && !a.provider.equals(b.provider)) {
						LocalDate minEnd = a.end.isBefore(b.end) ? a.end : b.end;
						LocalDate maxStart = a.start.isAfter(b.start) ? a.start : b.start;
						if (ChronoUnit.DAYS.between(maxStart, minEnd) >= 1) {
							hit("overlapping-stays", a.id + "|" + b.id);
						}
					}
				}
			}
		}
	}

	private void afterDeath() {
		for (Settlement s : settlements) {
			LocalDate death = persons.get(s.person).death;
			if (death != null && s.start.isAfter(death)) {
				hit("after-death", s.id);
			}
		}
	}

	private void readmission() {
		for (List<Settlement> own : settlementsByPerson.values()) {
			for (Settlement previous : own) {
				for (Settlement next : own) {
					if (previous != next && previous.inpatient() && next.inpatient()
							&& previous.provider.equals(next.provider)
							&& previous.diag.substring(0, 3).equals(next.diag.substring(0, 3))) {
						long gap = ChronoUnit.DAYS.between(previous.end, next.start);
						if (gap >= 0 && gap <= READMISSION_DAYS) {
							hit("readmission", next.id);
						}
					}
				}
			}
		}
	}

	private void peerOutliers(String prefix) {
		Map<String, long[]> counts = new HashMap<>(); // settlements, inpatient, out of area, with genetic test
		Map<String, BigDecimal> hvmc = new HashMap<>();
		for (Settlement s : settlements) {
			long[] c = counts.computeIfAbsent(s.provider, k -> new long[4]);
			c[0]++;
			c[1] += s.inpatient() ? 1 : 0;
			c[2] += s.insuredRegion.equals(s.medicalRegion) ? 0 : 1;
			boolean genetic = false;
			for (Line l : lines(s)) {
				Set<String> tags = items.get(l.item).tags;
				genetic |= tags.contains("genetic_test");
				if (tags.contains("hvmc")) {
					hvmc.merge(s.provider, l.amount, BigDecimal::add);
				}
			}
			c[3] += genetic ? 1 : 0;
		}
		Map<String, List<String>> groups = new TreeMap<>();
		for (Provider p : providers.values()) {
			long[] c = counts.get(p.code);
			if (!p.type.equals("pharmacy") && p.region.startsWith(prefix) && c != null && c[0] >= MIN_SETTLEMENTS) {
				groups.computeIfAbsent(p.type + "/" + p.level, k -> new ArrayList<>()).add(p.code);
			}
		}
		for (List<String> group : groups.values()) {
			score("admission-rate-outlier", group, code -> (double) counts.get(code)[1] / counts.get(code)[0]);
			score("out-of-area-outlier", group, code -> (double) counts.get(code)[2] / counts.get(code)[0]);
			score("genetic-test-outlier", group, code -> (double) counts.get(code)[3] / counts.get(code)[0]);
			List<String> admitting = group.stream().filter(code -> counts.get(code)[1] > 0).toList();
			score("hvmc-outlier", admitting, code -> hvmc.getOrDefault(code, BigDecimal.ZERO).doubleValue()
					/ counts.get(code)[1]);
		}
	}

	private void score(String rule, List<String> group, java.util.function.ToDoubleFunction<String> metric) {
		if (group.size() < MIN_GROUP) {
			return;
		}
		double[] v = group.stream().mapToDouble(metric).toArray();
		double median = median(v);
		double[] dev = Arrays.stream(v).map(x -> Math.abs(x - median)).toArray();
		double mad = median(dev);
		double scale = mad > 0 ? 1.4826 * mad : 1.2533 * Arrays.stream(dev).average().orElse(0);
		if (scale == 0) {
			return;
		}
		for (int i = 0; i < v.length; i++) {
			if ((v[i] - median) / scale > Z) {
				hit(rule, group.get(i));
			}
		}
	}

	private static double median(double[] values) {
		double[] v = values.clone();
		Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}

	private void duplicateEnrollment() {
		Map<String, List<Person>> byId = new HashMap<>();
		persons.values().forEach(p -> byId.computeIfAbsent(p.idNumber, k -> new ArrayList<>()).add(p));
		for (List<Person> same : byId.values()) {
			for (Person a : same) {
				for (Person b : same) {
					boolean overlap = (a.end == null || !a.end.isBefore(b.enroll)) && (b.end == null || !b.end.isBefore(a.enroll));
					if (a.id.compareTo(b.id) < 0 && overlap && settlementsByPerson.containsKey(a.id)
							&& settlementsByPerson.containsKey(b.id)) {
						hit("duplicate-enrollment", a.id + "|" + b.id);
					}
				}
			}
		}
	}

	private void funds() {
		Map<String, Map<YearMonth, BigDecimal>> spent = new HashMap<>();
		for (Settlement s : settlements) {
			String fund = s.insuredRegion + "|" + persons.get(s.person).insuranceType;
			spent.computeIfAbsent(fund, k -> new HashMap<>()).merge(YearMonth.from(s.settled), s.fundPaid, BigDecimal::add);
		}
		spent.forEach((fund, months) -> months.forEach((month, amount) -> {
			BigDecimal before = months.get(month.minusYears(1));
			if (before != null && before.signum() > 0 && amount.compareTo(before.multiply(GROWTH)) > 0) {
				hit("expenditure-growth", fund + "|" + month);
			}
		}));
		for (String[] r : ledger.rows()) {
			String fund = ledger.get(r, "region") + "|" + ledger.get(r, "insurance_type");
			YearMonth month = YearMonth.parse(ledger.get(r, "month"));
			Map<YearMonth, BigDecimal> months = spent.getOrDefault(fund, Map.of());
			BigDecimal sum = BigDecimal.ZERO;
			boolean all = true;
			for (int k = 1; k <= 12; k++) {
				BigDecimal e = months.get(month.minusMonths(k));
				all &= e != null && e.signum() > 0;
				sum = e == null ? sum : sum.add(e);
			}
			// opening < M x sum / 12, without dividing
			BigDecimal opening = new BigDecimal(ledger.get(r, "opening_balance"));
			if (all && opening.multiply(BigDecimal.valueOf(12)).compareTo(RESERVE_MONTHS.multiply(sum)) < 0) {
				hit("reserve-months", fund + "|" + month);
			}
		}
	}

	private List<Line> lines(Settlement s) {
		return linesBySettlement.getOrDefault(s.id, List.of());
	}

	private static LocalDate date(String s) {
		return s == null || s.isEmpty() ? null : LocalDate.parse(s);
	}

	private static BigDecimal decimal(String s) {
		return s == null || s.isEmpty() ? null : new BigDecimal(s);
	}

	private static List<String> split(String s) {
		return s == null || s.isEmpty() ? List.of() : List.of(s.split(";"));
	}
}

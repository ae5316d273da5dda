package org.fundguard.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.generator.CsvTables.Table;

/**
 * A brute-force reference of domain.md's second catalogue (the ten knowledge-base rules), written from the
 * definitions and interchange.md's 1.1 columns alone, sharing no code with the generator: it reads the CSV files.
 */
final class KnowledgeBaseReferenceRules {

	static final List<String> MINOR_ILLNESS = List.of("J00", "J06", "K30", "R51", "M54.5");
	static final int SPLIT_N = 2;
	static final int GRACE_DAYS = 30;

	private final Map<String, Set<String>> hits = new TreeMap<>();

	private KnowledgeBaseReferenceRules() {
	}

	static Map<String, Set<String>> evaluate(CsvTables t, String prefix) {
		KnowledgeBaseReferenceRules r = new KnowledgeBaseReferenceRules();
		Table persons = t.get("persons.csv");
		Map<String, String[]> personById = new HashMap<>();
		for (String[] row : persons.rows()) {
			personById.put(persons.get(row, "person_id"), row);
		}
		Table items = t.get("items.csv");
		Map<String, String[]> itemByCode = new HashMap<>();
		for (String[] row : items.rows()) {
			itemByCode.put(items.get(row, "item_code"), row);
		}
		Table fees = t.get("fee_items.csv");
		Map<String, List<String[]>> lines = new HashMap<>();
		for (String[] row : fees.rows()) {
			lines.computeIfAbsent(fees.get(row, "settlement_id"), k -> new ArrayList<>()).add(row);
		}
		Table s = t.get("settlements.csv");
		Map<String, Integer> outpatientDays = new TreeMap<>();
		Map<String, BigDecimal> spentByYear = new HashMap<>();
		for (String[] row : s.rows()) {
			String id = s.get(row, "settlement_id");
			String[] person = personById.get(s.get(row, "person_id"));
			LocalDate visit = LocalDate.parse(s.get(row, "visit_start"));
			String medType = s.get(row, "med_type");
			if (s.get(row, "medical_region").startsWith(prefix)) {
				r.lines(id, person, persons, visit, medType, lines.getOrDefault(id, List.of()), items, itemByCode, fees);
				if (medType.equals("21") && MINOR_ILLNESS.stream().anyMatch(s.get(row, "diag_code")::startsWith)) {
					r.hit("minor-illness-admission", id);
				}
				if (medType.equals("11")) {
					outpatientDays.merge(s.get(row, "person_id") + "|" + s.get(row, "provider_code") + "|" + visit, 1,
							Integer::sum);
				}
			}
			if (s.get(row, "insured_region").startsWith(prefix)) {
				LocalDate enroll = LocalDate.parse(persons.get(person, "enroll_date"));
				LocalDate end = date(persons.get(person, "end_date"));
				if (visit.isBefore(enroll) || (end != null && visit.isAfter(end))) {
					r.hit("not-enrolled", id);
				}
			}
			String fundYear = s.get(row, "insured_region") + "|" + persons.get(person, "insurance_type") + "|"
					+ s.get(row, "settle_time").substring(0, 4);
			spentByYear.merge(fundYear, new BigDecimal(s.get(row, "fund_paid")), BigDecimal::add);
		}
		outpatientDays.forEach((key, n) -> {
			if (n > SPLIT_N) {
				r.hit("split-outpatient", key);
			}
		});
		for (String[] row : persons.rows()) {
			LocalDate death = date(persons.get(row, "death_date"));
			LocalDate end = date(persons.get(row, "end_date"));
			if (persons.get(row, "insured_region").startsWith(prefix) && death != null
					&& (end == null || ChronoUnit.DAYS.between(death, end) > GRACE_DAYS)) {
				r.hit("enrolled-after-death", persons.get(row, "person_id"));
			}
		}
		Table ledger = t.get("fund_ledger.csv");
		Map<String, Set<YearMonth>> months = new HashMap<>();
		Map<String, BigDecimal> income = new HashMap<>();
		for (String[] row : ledger.rows()) {
			if (!ledger.get(row, "region").startsWith(prefix)) {
				continue;
			}
			YearMonth month = YearMonth.parse(ledger.get(row, "month"));
			String key = ledger.get(row, "region") + "|" + ledger.get(row, "insurance_type") + "|" + month.getYear();
			months.computeIfAbsent(key, k -> new TreeSet<>()).add(month);
			income.merge(key, new BigDecimal(ledger.get(row, "income")), BigDecimal::add);
		}
		months.forEach((key, set) -> {
			if (set.size() == 12 && income.get(key).compareTo(spentByYear.getOrDefault(key, BigDecimal.ZERO)) < 0) {
				r.hit("current-deficit", key);
			}
		});
		return r.hits;
	}

	private void lines(String id, String[] person, Table persons, LocalDate visit, String medType, List<String[]> own,
			Table items, Map<String, String[]> itemByCode, Table fees) {
		String gender = persons.get(person, "gender");
		int age = Period.between(LocalDate.parse(persons.get(person, "birth_date")), visit).getYears();
		Map<String, BigDecimal> perDay = new TreeMap<>();
		Set<String> billed = new TreeSet<>();
		for (String[] line : own) {
			String code = fees.get(line, "item_code");
			String[] item = itemByCode.get(code);
			billed.add(code);
			String key = id + "|" + code;
			String only = items.get(item, "gender_only");
			if (!empty(only) && !only.equals(gender)) {
				hit("gender-restricted", key);
			}
			String min = items.get(item, "min_age");
			String max = items.get(item, "max_age");
			if ((!empty(min) && age < Integer.parseInt(min)) || (!empty(max) && age > Integer.parseInt(max))) {
				hit("age-restricted", key);
			}
			String medTypes = items.get(item, "med_types");
			if (!empty(medTypes) && !List.of(medTypes.split(";")).contains(medType)) {
				hit("med-type-restricted", key);
			}
			if (!empty(items.get(item, "max_qty_per_day"))) {
				perDay.merge(key + "|" + fees.get(line, "item_time").substring(0, 10), new BigDecimal(fees.get(line, "quantity")),
						BigDecimal::add);
			}
		}
		perDay.forEach((key, quantity) -> {
			String code = key.split("\\|")[1];
			if (quantity.compareTo(new BigDecimal(items.get(itemByCode.get(code), "max_qty_per_day"))) > 0) {
				hit("daily-frequency", key);
			}
		});
		for (String a : billed) {
			for (String b : billed) {
				if (a.compareTo(b) < 0 && (names(items, itemByCode.get(a), b) || names(items, itemByCode.get(b), a))) {
					hit("exclusive-items", id + "|" + a + "|" + b);
				}
			}
		}
	}

	private static boolean names(Table items, String[] item, String other) {
		String exclusive = items.get(item, "exclusive_with");
		return !empty(exclusive) && List.of(exclusive.split(";")).contains(other);
	}

	private void hit(String rule, String key) {
		hits.computeIfAbsent(rule, k -> new TreeSet<>()).add(key);
	}

	private static boolean empty(String s) {
		return s == null || s.isEmpty();
	}

	private static LocalDate date(String s) {
		return empty(s) ? null : LocalDate.parse(s);
	}
}

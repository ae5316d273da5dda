package org.fundguard.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.fundguard.claims.IdNumber;
import org.fundguard.generator.CsvTables.Table;

/**
 * A compact check of every row against interchange.md: formats, codes, identity numbers, references, unique keys,
 * dates and amounts. Reports the first problem of each row as (file, line, column); a row with a problem is
 * treated as rejected, as a loader would, so later rows that refer to it are checked against what was accepted.
 */
final class Conformance {

	record Problem(String file, long line, String column, String reason) {
	}

	private static final Pattern REGION = Pattern.compile("\\d{6}");
	private static final Pattern PROVIDER_CODE = Pattern.compile("[HP]\\d{11}");
	private static final Pattern MONEY = Pattern.compile("-?\\d+(\\.\\d{1,2})?");
	private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d{1,4})?");
	private static final Pattern POSITIVE_INT = Pattern.compile("[1-9]\\d*");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private final List<Problem> problems = new ArrayList<>();
	private final Set<String> providers = new HashSet<>();
	private final Map<String, String> providerType = new HashMap<>();
	private final Set<String> persons = new HashSet<>();
	private final Map<String, String> itemType = new HashMap<>();
	private final Map<String, LocalDate[]> visits = new HashMap<>();
	private final Map<String, BigDecimal> totals = new HashMap<>();
	private final Map<String, BigDecimal> lineSums = new HashMap<>();
	private final Map<String, Integer> lineCounts = new HashMap<>();

	static List<Problem> check(CsvTables t) {
		Conformance c = new Conformance();
		c.each(t.get("providers.csv"), c::provider);
		c.each(t.get("persons.csv"), c::person);
		Table items = t.get("items.csv");
		for (String[] r : items.rows()) {
			c.itemCodesInFile.add(items.get(r, "item_code"));
		}
		c.each(items, c::item);
		c.each(t.get("settlements.csv"), c::settlement);
		c.each(t.get("fee_items.csv"), c::line);
		c.each(t.get("inspectors.csv"), c::inspector);
		c.each(t.get("fund_ledger.csv"), c::ledger);
		c.totals.forEach((id, total) -> {
			BigDecimal sum = c.lineSums.getOrDefault(id, BigDecimal.ZERO);
			BigDecimal tolerance = new BigDecimal("0.01").multiply(BigDecimal.valueOf(c.lineCounts.getOrDefault(id, 0)));
			if (sum.subtract(total).abs().compareTo(tolerance) > 0) {
				c.problems.add(new Problem("fee_items.csv", 0, "amount", "lines of " + id + " sum to " + sum + ", not " + total));
			}
		});
		return c.problems;
	}

	/** A row's first failure, as (column, reason); null when the row conforms. */
	private record Failure(String column, String reason) {
	}

	private interface RowCheck {
		Failure check(Table t, String[] r);
	}

	private final Map<String, Set<String>> keys = new HashMap<>();

	private void each(Table t, RowCheck check) {
		for (int i = 0; i < t.rows().size(); i++) {
			String[] r = t.rows().get(i);
			Failure f = r.length != t.header().size() ? new Failure("*", "wrong number of fields") : check.check(t, r);
			if (f != null) {
				problems.add(new Problem(t.file(), Table.line(i), f.column, f.reason));
			}
		}
	}

	/** Registers the key; false if the file had it already. */
	private boolean unique(String file, String key) {
		return keys.computeIfAbsent(file, k -> new HashSet<>()).add(key);
	}

	private Failure provider(Table t, String[] r) {
		String code = t.get(r, "provider_code");
		String type = t.get(r, "provider_type");
		if (!PROVIDER_CODE.matcher(code).matches()) {
			return new Failure("provider_code", "format");
		}
		if (!Set.of("hospital", "clinic", "pharmacy").contains(type)) {
			return new Failure("provider_type", "unknown");
		}
		if (code.charAt(0) != (type.equals("pharmacy") ? 'P' : 'H')) {
			return new Failure("provider_code", "letter does not match type");
		}
		if (!REGION.matcher(t.get(r, "region")).matches() || !code.substring(1, 7).equals(t.get(r, "region"))) {
			return new Failure("region", "format or not the code's region");
		}
		if (!Set.of("", "3", "2", "1", "0").contains(t.get(r, "level"))) {
			return new Failure("level", "unknown");
		}
		if (!Set.of("active", "suspended", "terminated").contains(t.get(r, "agreement_status"))) {
			return new Failure("agreement_status", "unknown");
		}
		if (!optionalDate(t.get(r, "agreement_start"))) {
			return new Failure("agreement_start", "date");
		}
		if (!unique(t.file(), code)) {
			return new Failure("provider_code", "duplicate");
		}
		providers.add(code);
		providerType.put(code, type);
		return null;
	}

	private Failure person(Table t, String[] r) {
		String id = t.get(r, "person_id");
		String number = t.get(r, "id_number");
		if (id.isEmpty() || id.length() > 30) {
			return new Failure("person_id", "length");
		}
		if (!unique(t.file(), id)) {
			return new Failure("person_id", "duplicate");
		}
		if (IdNumber.problem(number).isPresent()) {
			return new Failure("id_number", IdNumber.problem(number).get());
		}
		String gender = t.get(r, "gender");
		if (!gender.equals("1") && !gender.equals("2")) {
			return new Failure("gender", "not 1 or 2");
		}
		if ((number.charAt(16) - '0') % 2 != (gender.equals("1") ? 1 : 0)) {
			return new Failure("gender", "disagrees with the id sequence");
		}
		if (!date(t.get(r, "birth_date")) || !IdNumber.birthDate(number).get().toString().equals(t.get(r, "birth_date"))) {
			return new Failure("birth_date", "disagrees with id_number");
		}
		if (!REGION.matcher(t.get(r, "insured_region")).matches()) {
			return new Failure("insured_region", "format");
		}
		if (!Set.of("310", "390").contains(t.get(r, "insurance_type"))) {
			return new Failure("insurance_type", "not 310 or 390");
		}
		if (!date(t.get(r, "enroll_date"))) {
			return new Failure("enroll_date", "date");
		}
		if (!optionalDate(t.get(r, "end_date")) || !optionalDate(t.get(r, "death_date"))) {
			return new Failure("end_date", "date");
		}
		if (!Set.of("", "0", "1").contains(t.get(r, "assisted"))) {
			return new Failure("assisted", "not 0 or 1");
		}
		persons.add(id);
		return null;
	}

	private Failure item(Table t, String[] r) {
		String code = t.get(r, "item_code");
		String type = t.get(r, "item_type");
		if (!unique(t.file(), code)) {
			return new Failure("item_code", "duplicate");
		}
		if (!Set.of("drug", "service", "consumable").contains(type)) {
			return new Failure("item_type", "unknown");
		}
		boolean format = switch (type) {
			case "drug" -> code.length() == 23 && (code.charAt(0) == 'X' || code.charAt(0) == 'Z');
			case "consumable" -> (code.length() == 20 || code.length() == 27) && code.charAt(0) == 'C';
			default -> code.length() == 15;
		};
		if (!format) {
			return new Failure("item_code", "format for " + type);
		}
		if (!t.get(r, "price_ceiling").isEmpty() && !MONEY.matcher(t.get(r, "price_ceiling")).matches()) {
			return new Failure("price_ceiling", "money");
		}
		if (!t.get(r, "max_qty_per_visit").isEmpty() && !QUANTITY.matcher(t.get(r, "max_qty_per_visit")).matches()) {
			return new Failure("max_qty_per_visit", "quantity");
		}
		Failure restriction = restrictions(t, r);
		if (restriction != null) {
			return restriction;
		}
		itemType.put(code, type);
		return null;
	}

	/** The 1.1 columns of items.csv, by interchange.md's list of invalid values. */
	private Failure restrictions(Table t, String[] r) {
		String gender = t.get(r, "gender_only");
		if (!gender.isEmpty() && !gender.equals("1") && !gender.equals("2")) {
			return new Failure("gender_only", "not 1 or 2");
		}
		String min = t.get(r, "min_age");
		String max = t.get(r, "max_age");
		for (String column : List.of("min_age", "max_age")) {
			if (!t.get(r, column).isEmpty() && !t.get(r, column).matches("\\d{1,3}")) {
				return new Failure(column, "not a whole number of years");
			}
		}
		if (!min.isEmpty() && !max.isEmpty() && Integer.parseInt(min) > Integer.parseInt(max)) {
			return new Failure("min_age", "above max_age");
		}
		for (String medType : t.get(r, "med_types").split(";")) {
			if (!medType.isEmpty() && !Set.of("11", "14", "21", "41").contains(medType)) {
				return new Failure("med_types", "unknown med_type");
			}
		}
		String perDay = t.get(r, "max_qty_per_day");
		if (!perDay.isEmpty() && (!QUANTITY.matcher(perDay).matches() || new BigDecimal(perDay).signum() <= 0)) {
			return new Failure("max_qty_per_day", "not a positive quantity");
		}
		for (String code : t.get(r, "exclusive_with").split(";")) {
			if (!code.isEmpty() && !itemCodesInFile.contains(code)) {
				return new Failure("exclusive_with", "appears in no row of items.csv");
			}
		}
		return null;
	}

	private final Set<String> itemCodesInFile = new java.util.HashSet<>();

	private Failure settlement(Table t, String[] r) {
		String id = t.get(r, "settlement_id");
		if (!unique(t.file(), id)) {
			return new Failure("settlement_id", "duplicate");
		}
		if (!persons.contains(t.get(r, "person_id"))) {
			return new Failure("person_id", "unknown");
		}
		if (!providers.contains(t.get(r, "provider_code"))) {
			return new Failure("provider_code", "unknown");
		}
		for (String c : new String[] { "medical_region", "insured_region" }) {
			if (!REGION.matcher(t.get(r, c)).matches()) {
				return new Failure(c, "format");
			}
		}
		String type = t.get(r, "med_type");
		if (!Set.of("11", "14", "21", "41").contains(type)) {
			return new Failure("med_type", "unknown");
		}
		if (!date(t.get(r, "visit_start"))) {
			return new Failure("visit_start", "date");
		}
		if (!date(t.get(r, "visit_end"))) {
			return new Failure("visit_end", "date");
		}
		LocalDate start = LocalDate.parse(t.get(r, "visit_start"));
		LocalDate end = LocalDate.parse(t.get(r, "visit_end"));
		if (end.isBefore(start) || !type.equals("21") && !end.equals(start)) {
			return new Failure("visit_end", "before visit_start or not the visit day");
		}
		if (!dateTime(t.get(r, "settle_time"))) {
			return new Failure("settle_time", "date-time");
		}
		if (t.get(r, "diag_code").isEmpty()) {
			return new Failure("diag_code", "required");
		}
		for (String c : new String[] { "total_amount", "fund_paid", "self_paid" }) {
			if (!MONEY.matcher(t.get(r, c)).matches()) {
				return new Failure(c, "money");
			}
		}
		BigDecimal total = new BigDecimal(t.get(r, "total_amount"));
		BigDecimal paid = new BigDecimal(t.get(r, "fund_paid")).add(new BigDecimal(t.get(r, "self_paid")));
		if (paid.subtract(total).abs().compareTo(new BigDecimal("0.01")) > 0) {
			return new Failure("self_paid", "fund_paid + self_paid is not total_amount");
		}
		visits.put(id, new LocalDate[] { start, end });
		totals.put(id, total);
		return null;
	}

	private Failure line(Table t, String[] r) {
		String id = t.get(r, "settlement_id");
		LocalDate[] visit = visits.get(id);
		if (visit == null) {
			return new Failure("settlement_id", "unknown");
		}
		if (!POSITIVE_INT.matcher(t.get(r, "line_no")).matches()) {
			return new Failure("line_no", "not a positive integer");
		}
		if (!unique(t.file(), id + "#" + t.get(r, "line_no"))) {
			return new Failure("line_no", "duplicate");
		}
		if (!dateTime(t.get(r, "item_time"))) {
			return new Failure("item_time", "date-time");
		}
		LocalDate day = LocalDateTime.parse(t.get(r, "item_time"), DATE_TIME).toLocalDate();
		if (day.isBefore(visit[0]) || day.isAfter(visit[1])) {
			return new Failure("item_time", "outside the visit");
		}
		if (!itemType.containsKey(t.get(r, "item_code"))) {
			return new Failure("item_code", "unknown");
		}
		if (!QUANTITY.matcher(t.get(r, "quantity")).matches() || new BigDecimal(t.get(r, "quantity")).signum() <= 0) {
			return new Failure("quantity", "positive, 4 decimals");
		}
		if (!MONEY.matcher(t.get(r, "unit_price")).matches() || t.get(r, "unit_price").startsWith("-")) {
			return new Failure("unit_price", "money, not negative");
		}
		if (!MONEY.matcher(t.get(r, "amount")).matches()) {
			return new Failure("amount", "money");
		}
		BigDecimal amount = new BigDecimal(t.get(r, "amount"));
		BigDecimal product = new BigDecimal(t.get(r, "quantity")).multiply(new BigDecimal(t.get(r, "unit_price")));
		if (product.subtract(amount).abs().compareTo(new BigDecimal("0.01")) > 0) {
			return new Failure("amount", "not quantity x unit_price");
		}
		lineSums.merge(id, amount, BigDecimal::add);
		lineCounts.merge(id, 1, Integer::sum);
		return null;
	}

	private Failure inspector(Table t, String[] r) {
		if (!unique(t.file(), t.get(r, "inspector_id"))) {
			return new Failure("inspector_id", "duplicate");
		}
		if (t.get(r, "name").isEmpty() || t.get(r, "unit").isEmpty() || t.get(r, "certificate_no").isEmpty()) {
			return new Failure("name", "required");
		}
		if (!REGION.matcher(t.get(r, "region")).matches()) {
			return new Failure("region", "format");
		}
		if (!Set.of("0", "1").contains(t.get(r, "active"))) {
			return new Failure("active", "not 0 or 1");
		}
		String conflicts = t.get(r, "conflicts");
		if (!conflicts.isEmpty() && !providers.containsAll(List.of(conflicts.split(";")))) {
			return new Failure("conflicts", "unknown provider");
		}
		return null;
	}

	private Failure ledger(Table t, String[] r) {
		if (!REGION.matcher(t.get(r, "region")).matches() || !Set.of("310", "390").contains(t.get(r, "insurance_type"))) {
			return new Failure("region", "format");
		}
		try {
			YearMonth.parse(t.get(r, "month"));
		}
		catch (DateTimeParseException e) {
			return new Failure("month", "yyyy-MM");
		}
		if (!MONEY.matcher(t.get(r, "income")).matches() || !MONEY.matcher(t.get(r, "opening_balance")).matches()) {
			return new Failure("income", "money");
		}
		if (!unique(t.file(), t.get(r, "region") + t.get(r, "insurance_type") + t.get(r, "month"))) {
			return new Failure("month", "duplicate");
		}
		return null;
	}

	private static boolean date(String s) {
		try {
			return s != null && s.length() == 10 && LocalDate.parse(s) != null;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private static boolean optionalDate(String s) {
		return s == null || s.isEmpty() || date(s);
	}

	private static boolean dateTime(String s) {
		try {
			return s != null && s.length() == 19 && LocalDateTime.parse(s, DATE_TIME) != null;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}
}

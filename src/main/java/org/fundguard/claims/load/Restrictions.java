package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An item's knowledge-base restrictions (知识库), the optional columns interchange 1.1 added to items.csv. Null or
 * empty means no restriction, which is also what every version 1 export has.
 */
record Restrictions(String genderOnly, Integer minAge, Integer maxAge, List<String> medTypes, BigDecimal maxQtyPerDay,
		List<String> exclusiveWith) {

	static final Restrictions NONE = new Restrictions(null, null, null, List.of(), null, List.of());

	/** The med_type codes settlements.csv allows: a restriction to any other could never be met. */
	static final Set<String> MED_TYPES = Set.of("11", "14", "21", "41");

	/** Whole years: digits only, so that "-1", "17.0", "1e1" and "+3" are refused, and short enough for an int. */
	private static final Pattern AGE = Pattern.compile("\\d{1,3}");

	/**
	 * Reads and checks the 1.1 columns of an items.csv row.
	 * <p>
	 * exclusive_with: the contract refuses "a code that appears in no row of items.csv". A code whose own row is
	 * rejected for another reason still appears in a row, so it is accepted here: the relation is then inert (no fee
	 * line of a rejected item loads) and the row naming it keeps its other restrictions. {@code itemCodesInFile}
	 * therefore holds the item_code cell of every row, valid or not.
	 */
	static Restrictions read(Row row, Predicate<String> itemCodesInFile) throws BadValue {
		String gender = row.text("gender_only");
		if (gender != null && !gender.equals("1") && !gender.equals("2")) {
			throw new BadValue("gender_only",
					"限定性别 gender_only 的值“" + gender + "”不是 1（男）或 2（女） / gender_only '" + gender + "' is not 1 or 2");
		}
		Integer min = age(row, "min_age");
		Integer max = age(row, "max_age");
		if (min != null && max != null && min > max) {
			throw new BadValue("min_age", "最小年龄 min_age " + min + " 大于最大年龄 max_age " + max + " / min_age " + min
					+ " is above max_age " + max);
		}
		List<String> medTypes = CatalogRows.list(row.text("med_types"));
		for (String medType : medTypes) {
			if (!MED_TYPES.contains(medType)) {
				throw new BadValue("med_types", "限定就医方式 med_types 中的“" + medType + "”不是已知的医疗类别（11、14、21、41） / med_types: '"
						+ medType + "' is not a med_type (11, 14, 21, 41)");
			}
		}
		BigDecimal perDay = maxQtyPerDay(row);
		List<String> exclusive = CatalogRows.list(row.text("exclusive_with"));
		for (String code : exclusive) {
			if (!itemCodesInFile.test(code)) {
				throw new BadValue("exclusive_with", "互斥项目 exclusive_with 中的编码“" + code + "”不在 items.csv 的任何一行 / exclusive_with: "
						+ code + " appears in no row of items.csv");
			}
		}
		Restrictions r = new Restrictions(gender, min, max, medTypes, perDay, exclusive);
		return r.equals(NONE) ? NONE : r;
	}

	private static Integer age(Row row, String column) throws BadValue {
		String value = row.text(column);
		if (value == null) {
			return null;
		}
		if (!AGE.matcher(value).matches()) {
			throw new BadValue(column, "年龄 " + column + " 的值“" + value + "”不是不小于 0 的整数（周岁） / " + column + " '" + value
					+ "' is not a whole number of years (0 or more, at most 3 digits)");
		}
		return Integer.valueOf(value);
	}

	private static BigDecimal maxQtyPerDay(Row row) throws BadValue {
		String value = row.text("max_qty_per_day");
		if (value == null) {
			return null;
		}
		BigDecimal limit;
		try {
			limit = row.quantity("max_qty_per_day");
		}
		catch (BadValue bad) {
			throw new BadValue("max_qty_per_day", "每日限量 max_qty_per_day 的值“" + value + "”不是最多 4 位小数的数量 / "
					+ bad.getMessage());
		}
		if (limit.signum() <= 0) {
			throw new BadValue("max_qty_per_day", "每日限量 max_qty_per_day 必须大于 0，而不是“" + value + "” / max_qty_per_day '"
					+ value + "' is not positive");
		}
		return limit;
	}

	boolean none() {
		return equals(NONE);
	}
}

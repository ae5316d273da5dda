package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/** The optional files: the inspector pool (执法检查人员名录库) and the monthly fund ledger (基金收支). */
final class PoolRows {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
	private static final Pattern PROVIDER_CODE = Pattern.compile("[HP]\\d{11}");

	private PoolRows() {
	}

	record Inspector(String inspectorId, String name, String unit, String region, String certificateNo, boolean active,
			List<String> conflicts) {
	}

	record LedgerMonth(String region, String insuranceType, YearMonth month, BigDecimal income, BigDecimal openingBalance) {
	}

	static Inspector inspector(Row row) throws BadValue {
		List<String> conflicts = CatalogRows.list(row.text("conflicts"));
		for (String code : conflicts) {
			if (!PROVIDER_CODE.matcher(code).matches()) {
				throw new BadValue("conflicts", "'" + code + "' is not a provider code");
			}
		}
		return new Inspector(row.required("inspector_id"), row.required("name"), row.required("unit"), row.region("region"),
				row.required("certificate_no"), "1".equals(row.oneOf("active", true, "1", "0")), conflicts);
	}

	static LedgerMonth ledgerMonth(Row row) throws BadValue {
		String month = row.required("month");
		YearMonth parsed;
		try {
			parsed = YearMonth.parse(month, MONTH);
		}
		catch (DateTimeParseException e) {
			throw new BadValue("month", "'" + month + "' is not a month yyyy-MM");
		}
		return new LedgerMonth(row.region("region"), row.oneOf("insurance_type", true, "310", "390"), parsed,
				row.money("income", true), row.money("opening_balance", true));
	}
}

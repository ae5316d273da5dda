package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** settlements.csv and fee_items.csv, as far as one row can be checked on its own. */
final class ClaimRows {

	static final BigDecimal CENT = new BigDecimal("0.01");

	private ClaimRows() {
	}

	record Settlement(String settlementId, String personId, String providerCode, String medicalRegion,
			String insuredRegion, String medType, LocalDate visitStart, LocalDate visitEnd, LocalDateTime settleTime,
			String diagCode, String diagName, String deptName, String doctorCode, BigDecimal totalAmount,
			BigDecimal fundPaid, BigDecimal selfPaid) {

		boolean inpatient() {
			return "21".equals(medType);
		}
	}

	record FeeLine(String settlementId, int lineNo, LocalDateTime itemTime, String itemCode, String billedName,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
	}

	static Settlement settlement(Row row) throws BadValue {
		String medType = row.oneOf("med_type", true, "11", "14", "21", "41");
		LocalDate start = row.date("visit_start", true);
		LocalDate end = row.date("visit_end", true);
		if (end.isBefore(start)) {
			throw new BadValue("visit_end", end + " is before visit_start " + start);
		}
		if (!"21".equals(medType) && !end.equals(start)) {
			throw new BadValue("visit_end", "outpatient and pharmacy settlements end on visit_start; " + end + " ≠ " + start);
		}
		BigDecimal total = row.money("total_amount", true);
		BigDecimal fund = row.money("fund_paid", true);
		BigDecimal self = row.money("self_paid", true);
		if (fund.add(self).subtract(total).abs().compareTo(CENT) > 0) {
			// the contract states this rule with self_paid, so that is the column named
			throw new BadValue("self_paid", "fund_paid " + fund.toPlainString() + " + self_paid " + self.toPlainString()
					+ " ≠ total_amount " + total.toPlainString());
		}
		return new Settlement(row.required("settlement_id"), row.required("person_id"), row.required("provider_code"),
				row.region("medical_region"), row.region("insured_region"), medType, start, end, row.dateTime("settle_time"),
				row.required("diag_code"), row.text("diag_name"), row.text("dept_name"), row.text("doctor_code"), total, fund,
				self);
	}

	static FeeLine feeLine(Row row) throws BadValue {
		String lineText = row.required("line_no");
		int lineNo;
		try {
			lineNo = Integer.parseInt(lineText);
		}
		catch (NumberFormatException e) {
			throw new BadValue("line_no", "'" + lineText + "' is not a whole number");
		}
		if (lineNo <= 0) {
			throw new BadValue("line_no", lineNo + " is not positive");
		}
		BigDecimal quantity = row.quantity("quantity");
		if (quantity.signum() <= 0) {
			throw new BadValue("quantity", quantity.toPlainString() + " is not positive");
		}
		BigDecimal price = row.money("unit_price", true);
		if (price.signum() < 0) {
			throw new BadValue("unit_price", price.toPlainString() + " is negative");
		}
		BigDecimal amount = row.money("amount", true);
		if (quantity.multiply(price).subtract(amount).abs().compareTo(CENT) > 0) {
			throw new BadValue("amount", amount.toPlainString() + " ≠ quantity × unit_price = "
					+ quantity.multiply(price).stripTrailingZeros().toPlainString());
		}
		return new FeeLine(row.required("settlement_id"), lineNo, row.dateTime("item_time"), row.required("item_code"),
				row.text("item_name"), quantity, price, amount);
	}
}

package org.fundguard.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A settlement an institution is about to bill (事前提醒), as the pre-settlement check judges it: the person, the
 * provider, the visit and its fee lines. The first diagnosis is the principal one, which is all the batch rules see.
 */
@Schema(description = "拟结算的一次就诊 / a prospective settlement")
public record ProspectiveSettlement(
		@Schema(description = "参保人编号 / person id", example = "P000123") String personId,
		@Schema(description = "定点医药机构编码 / provider code", example = "H37030001") String providerCode,
		@Schema(description = "医疗类别：11 普通门诊，14 门诊慢特病，21 住院，41 定点药店购药 / med_type", example = "21") String medType,
		@Schema(description = "诊断编码（ICD-10），第一个为主诊断 / diagnosis codes, the principal first", example = "[\"I10\"]") List<String> diagnosisCodes,
		@Schema(description = "入院或就诊日期 / admission or visit date", example = "2026-03-02") LocalDate visitStart,
		@Schema(description = "出院日期（门诊同就诊日期）/ discharge date (a visit's own date for outpatients)", example = "2026-03-06") LocalDate visitEnd,
		@Schema(description = "费用明细 / fee lines") List<Line> lines) {

	public ProspectiveSettlement {
		diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	/** One fee line; {@code date} is the day the item was given (the daily limits count by it). */
	@Schema(description = "一条费用明细 / a fee line")
	public record Line(
			@Schema(description = "医保目录编码 / item code", example = "XB05BA") String itemCode,
			@Schema(description = "数量 / quantity", example = "2") BigDecimal quantity,
			@Schema(description = "单价（元）/ unit price in yuan", example = "35.50") BigDecimal unitPrice,
			@Schema(description = "金额（元）/ amount in yuan", example = "71.00") BigDecimal amount,
			@Schema(description = "收费日期 / the item's date", example = "2026-03-03") LocalDate date) {
	}

	/** The principal diagnosis, or null. */
	String principalDiagnosis() {
		return diagnosisCodes.isEmpty() ? null : diagnosisCodes.getFirst();
	}

	String end() {
		return (visitEnd == null ? visitStart : visitEnd).toString();
	}
}

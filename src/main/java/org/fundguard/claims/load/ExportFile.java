package org.fundguard.claims.load;

import java.util.List;

/** The files of one export and their columns, exactly as interchange.md (version 1.1) defines them. */
enum ExportFile {

	PROVIDERS("providers.csv", true, List.of("provider_code", "provider_name", "provider_type", "region", "agreement_status"),
			List.of("level", "agreement_start")),
	ITEMS("items.csv", true, List.of("item_code", "item_name", "item_type"),
			List.of("price_ceiling", "max_qty_per_visit", "restrict_diag", "tags", "requires_tag", "gender_only", "min_age",
					"max_age", "med_types", "max_qty_per_day", "exclusive_with")),
	PERSONS("persons.csv", true,
			List.of("person_id", "id_number", "gender", "birth_date", "insured_region", "insurance_type", "enroll_date"),
			List.of("name", "end_date", "death_date", "assisted")),
	SETTLEMENTS("settlements.csv", true,
			List.of("settlement_id", "person_id", "provider_code", "medical_region", "insured_region", "med_type",
					"visit_start", "visit_end", "settle_time", "diag_code", "total_amount", "fund_paid", "self_paid"),
			List.of("diag_name", "dept_name", "doctor_code")),
	FEE_ITEMS("fee_items.csv", true,
			List.of("settlement_id", "line_no", "item_time", "item_code", "quantity", "unit_price", "amount"),
			List.of("item_name")),
	INSPECTORS("inspectors.csv", false, List.of("inspector_id", "name", "unit", "region", "certificate_no", "active"),
			List.of("conflicts")),
	FUND_LEDGER("fund_ledger.csv", false, List.of("region", "insurance_type", "month", "income", "opening_balance"),
			List.of());

	private final String fileName;
	private final boolean required;
	private final List<String> requiredColumns;
	private final List<String> optionalColumns;

	ExportFile(String fileName, boolean required, List<String> requiredColumns, List<String> optionalColumns) {
		this.fileName = fileName;
		this.required = required;
		this.requiredColumns = requiredColumns;
		this.optionalColumns = optionalColumns;
	}

	String fileName() {
		return fileName;
	}

	boolean required() {
		return required;
	}

	List<String> requiredColumns() {
		return requiredColumns;
	}

	List<String> optionalColumns() {
		return optionalColumns;
	}
}

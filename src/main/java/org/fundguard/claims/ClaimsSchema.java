package org.fundguard.claims;

import java.util.List;

/**
 * The documents of the claims indices as other modules may read them: one class per index with the index's name (its
 * template in {@code elastic/templates}; {@link ClaimIndices} gives the alias to search) and the names of its fields.
 * The loader writes these documents; the monitoring rules query them. A field renamed here is renamed for every
 * reader at once, and {@code ClaimsSchemaTest} holds each class to its index template, field by field.
 */
public final class ClaimsSchema {

	/** Every claims index, by template name. */
	public static final List<String> INDICES = List.of(FeeLines.INDEX, Settlements.INDEX, Persons.INDEX, Providers.INDEX,
			Items.INDEX, FundLedger.INDEX);

	private ClaimsSchema() {
	}

	/** One fee line (明细) of a settlement, with its item's catalogue data and its settlement's facts copied onto it. */
	public static final class FeeLines {

		public static final String INDEX = "claims";

		public static final String LOAD_ID = "load_id";
		public static final String SETTLEMENT_ID = "settlement_id";
		public static final String LINE_NO = "line_no";
		public static final String ITEM_TIME = "item_time";
		public static final String ITEM_CODE = "item_code";
		public static final String ITEM_NAME = "item_name";
		public static final String BILLED_ITEM_NAME = "billed_item_name";
		public static final String ITEM_TYPE = "item_type";
		public static final String ITEM_TAGS = "item_tags";
		public static final String QUANTITY = "quantity";
		public static final String UNIT_PRICE = "unit_price";
		public static final String AMOUNT = "amount";
		public static final String PRICE_CEILING = "price_ceiling";
		/** Unit price above the ceiling (0 when at or below it). */
		public static final String PRICE_EXCESS = "price_excess";
		public static final String MAX_QTY_PER_VISIT = "max_qty_per_visit";
		public static final String RESTRICT_DIAG = "restrict_diag";
		/** Whether the settlement's diagnosis lets the fund pay for a restricted item; absent when unrestricted. */
		public static final String DIAG_ALLOWED = "diag_allowed";
		public static final String REQUIRES_TAG = "requires_tag";
		public static final String PERSON_ID = "person_id";
		public static final String ID_HASH = "id_hash";
		public static final String INSURANCE_TYPE = "insurance_type";
		public static final String PROVIDER_CODE = "provider_code";
		public static final String PROVIDER_TYPE = "provider_type";
		public static final String PROVIDER_LEVEL = "provider_level";
		public static final String PROVIDER_REGION = "provider_region";
		public static final String MEDICAL_REGION = "medical_region";
		public static final String INSURED_REGION = "insured_region";
		public static final String MED_TYPE = "med_type";
		public static final String VISIT_START = "visit_start";
		public static final String VISIT_END = "visit_end";
		public static final String SETTLE_TIME = "settle_time";
		public static final String SETTLE_MONTH = "settle_month";
		public static final String DIAG_CODE = "diag_code";
		public static final String DIAG3 = "diag3";
		public static final String ITEM_DATE = "item_date";
		/** The ISO week of the item date, e.g. {@code 2020-W53}. */
		public static final String ISO_WEEK = "iso_week";
		/** The person's gender, copied for the knowledge-base rules (限性别) that judge a line against its person. */
		public static final String GENDER = "gender";
		/** The person's age in whole years at the settlement's visit_start (also for lines billed later in a stay). */
		public static final String AGE_AT_VISIT = "age_at_visit";

		private FeeLines() {
		}
	}

	/** One settlement (结算), with the person's and the provider's facts of the time and its lines summed. */
	public static final class Settlements {

		public static final String INDEX = "settlements";

		public static final String LOAD_ID = "load_id";
		public static final String SETTLEMENT_ID = "settlement_id";
		public static final String PERSON_ID = "person_id";
		public static final String ID_HASH = "id_hash";
		public static final String GENDER = "gender";
		public static final String INSURANCE_TYPE = "insurance_type";
		public static final String ASSISTED = "assisted";
		public static final String DEATH_DATE = "death_date";
		public static final String AGE_AT_VISIT = "age_at_visit";
		public static final String PROVIDER_CODE = "provider_code";
		public static final String PROVIDER_TYPE = "provider_type";
		public static final String PROVIDER_LEVEL = "provider_level";
		public static final String PROVIDER_REGION = "provider_region";
		public static final String MEDICAL_REGION = "medical_region";
		public static final String INSURED_REGION = "insured_region";
		public static final String OUT_OF_AREA = "out_of_area";
		public static final String MED_TYPE = "med_type";
		public static final String INPATIENT = "inpatient";
		public static final String VISIT_START = "visit_start";
		public static final String VISIT_END = "visit_end";
		public static final String LENGTH_OF_STAY = "length_of_stay";
		public static final String SETTLE_TIME = "settle_time";
		public static final String SETTLE_MONTH = "settle_month";
		public static final String DIAG_CODE = "diag_code";
		public static final String DIAG3 = "diag3";
		public static final String DIAG_NAME = "diag_name";
		public static final String DEPT_NAME = "dept_name";
		public static final String DOCTOR_CODE = "doctor_code";
		public static final String TOTAL_AMOUNT = "total_amount";
		public static final String FUND_PAID = "fund_paid";
		public static final String SELF_PAID = "self_paid";
		public static final String LINE_COUNT = "line_count";
		public static final String ITEM_TAGS = "item_tags";
		public static final String AMOUNT_BY_TAG = "amount_by_tag";
		public static final String HVMC_AMOUNT = "hvmc_amount";
		public static final String DIALYSIS_AMOUNT = "dialysis_amount";
		public static final String GENETIC_TEST_AMOUNT = "genetic_test_amount";
		/** The coverage period of the settlement's own person record, for not-enrolled's evidence. */
		public static final String ENROLL_DATE = "enroll_date";
		public static final String END_DATE = "end_date";
		/** Whether visit_start lies in [enroll_date, end_date] of the settlement's own person record (open end = no end). */
		public static final String COVERED_AT_VISIT = "covered_at_visit";
		/** person_id|provider_code|visit_start, on general-outpatient settlements (med_type 11) only: split-outpatient counts it. */
		public static final String OUTPATIENT_DAY_KEY = "outpatient_day_key";

		private Settlements() {
		}
	}

	/** One insured person (参保人员): the name masked, the identity number only as its keyed hash. */
	public static final class Persons {

		public static final String INDEX = "persons";

		public static final String LOAD_ID = "load_id";
		public static final String PERSON_ID = "person_id";
		public static final String ID_HASH = "id_hash";
		public static final String NAME_MASKED = "name_masked";
		public static final String GENDER = "gender";
		public static final String BIRTH_DATE = "birth_date";
		public static final String INSURED_REGION = "insured_region";
		public static final String INSURANCE_TYPE = "insurance_type";
		public static final String ENROLL_DATE = "enroll_date";
		public static final String END_DATE = "end_date";
		public static final String DEATH_DATE = "death_date";
		public static final String ASSISTED = "assisted";
		/** end_date − death_date in days; absent without a death_date or without an end_date (enrolled-after-death). */
		public static final String ENROLLED_DAYS_AFTER_DEATH = "enrolled_days_after_death";

		private Persons() {
		}
	}

	/** One designated institution (定点医药机构). */
	public static final class Providers {

		public static final String INDEX = "providers";

		public static final String LOAD_ID = "load_id";
		public static final String PROVIDER_CODE = "provider_code";
		public static final String PROVIDER_NAME = "provider_name";
		/** The name analysed as text (a sub-field of {@link #PROVIDER_NAME}), for searching by words. */
		public static final String PROVIDER_NAME_TEXT = "provider_name.text";
		public static final String PROVIDER_TYPE = "provider_type";
		public static final String REGION = "region";
		public static final String LEVEL = "level";
		/** active, suspended or terminated: the export's, or a FundGuard measure's in force at the load. */
		public static final String AGREEMENT_STATUS = "agreement_status";
		public static final String AGREEMENT_START = "agreement_start";

		private Providers() {
		}
	}

	/** One catalogue item (医保目录项目). */
	public static final class Items {

		public static final String INDEX = "items";

		public static final String LOAD_ID = "load_id";
		public static final String ITEM_CODE = "item_code";
		public static final String ITEM_NAME = "item_name";
		public static final String ITEM_TYPE = "item_type";
		public static final String PRICE_CEILING = "price_ceiling";
		public static final String MAX_QTY_PER_VISIT = "max_qty_per_visit";
		public static final String RESTRICT_DIAG = "restrict_diag";
		public static final String TAGS = "tags";
		public static final String REQUIRES_TAG = "requires_tag";
		/** Interchange 1.1 restrictions (知识库): see interchange.md, items.csv. */
		public static final String GENDER_ONLY = "gender_only";
		public static final String MIN_AGE = "min_age";
		public static final String MAX_AGE = "max_age";
		public static final String MED_TYPES = "med_types";
		public static final String MAX_QTY_PER_DAY = "max_qty_per_day";
		public static final String EXCLUSIVE_WITH = "exclusive_with";

		private Items() {
		}
	}

	/** One month of one fund (pooling region + scheme): income and the balance it opened with. */
	public static final class FundLedger {

		public static final String INDEX = "fund-ledger";

		public static final String LOAD_ID = "load_id";
		public static final String REGION = "region";
		public static final String INSURANCE_TYPE = "insurance_type";
		public static final String MONTH = "month";
		public static final String INCOME = "income";
		public static final String OPENING_BALANCE = "opening_balance";

		private FundLedger() {
		}
	}
}

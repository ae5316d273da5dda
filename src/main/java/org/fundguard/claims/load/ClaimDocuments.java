package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

import org.fundguard.claims.load.CatalogRows.Item;
import org.fundguard.claims.load.CatalogRows.Provider;
import org.fundguard.claims.load.ClaimRows.FeeLine;
import org.fundguard.claims.load.ClaimRows.Settlement;
import org.fundguard.claims.load.PersonRows.Person;
import org.fundguard.claims.load.PoolRows.LedgerMonth;
import org.fundguard.claims.load.Stored.PersonFacts;
import org.fundguard.claims.load.Stored.Totals;

/**
 * The documents of the claims indices, with the fields the monitoring rules need derived here, in Java,
 * at load time: the Elasticsearch distribution FundGuard runs on has no scripting to derive them later.
 */
final class ClaimDocuments {

	private ClaimDocuments() {
	}

	static byte[] provider(Provider p, String loadId) {
		return new JsonDocument().text("load_id", loadId).text("provider_code", p.code()).text("provider_name", p.name())
			.text("provider_type", p.type()).text("region", p.region()).text("level", p.level())
			.text("agreement_status", p.agreementStatus()).date("agreement_start", p.agreementStart()).toBytes();
	}

	static byte[] item(Item i, String loadId) {
		return new JsonDocument().text("load_id", loadId).text("item_code", i.code()).text("item_name", i.name())
			.text("item_type", i.type()).number("price_ceiling", i.priceCeiling()).number("max_qty_per_visit", i.maxQtyPerVisit())
			.texts("restrict_diag", i.restrictDiag()).texts("tags", i.tags()).texts("requires_tag", i.requiresTag())
			.text("gender_only", i.restrictions().genderOnly()).optionalInteger("min_age", i.restrictions().minAge())
			.optionalInteger("max_age", i.restrictions().maxAge()).texts("med_types", i.restrictions().medTypes())
			.number("max_qty_per_day", i.restrictions().maxQtyPerDay())
			.texts("exclusive_with", i.restrictions().exclusiveWith()).toBytes();
	}

	static byte[] person(Person p, String idHash, String loadId) {
		return new JsonDocument().text("load_id", loadId).text("person_id", p.personId()).text("id_hash", idHash)
			.text("name_masked", Pseudonyms.maskName(p.name())).text("gender", p.gender()).date("birth_date", p.birthDate())
			.text("insured_region", p.insuredRegion()).text("insurance_type", p.insuranceType())
			.date("enroll_date", p.enrollDate()).date("end_date", p.endDate()).date("death_date", p.deathDate())
			.bool("assisted", p.assisted()).optionalInteger("enrolled_days_after_death", enrolledDaysAfterDeath(p)).toBytes();
	}

	/** end_date − death_date in days (negative when coverage ended before the death); null without either date. */
	static Long enrolledDaysAfterDeath(Person p) {
		return p.deathDate() == null || p.endDate() == null ? null : ChronoUnit.DAYS.between(p.deathDate(), p.endDate());
	}

	/**
	 * Whole years from birth to the visit. Period.between counts a month only once its day is reached, and a day
	 * past the month's end is never reached: one born on 29 February turns a year older on 1 March in common years,
	 * as interchange.md defines age.
	 */
	static int ageAt(LocalDate birthDate, LocalDate visitStart) {
		return Period.between(birthDate, visitStart).getYears();
	}

	/** Whether the visit lies in the person record's coverage [enroll_date, end_date], both ends inclusive. */
	static boolean coveredAt(PersonFacts person, LocalDate visitStart) {
		return !visitStart.isBefore(person.enrollDate()) && (person.endDate() == null || !visitStart.isAfter(person.endDate()));
	}

	/** split-outpatient's key, on general-outpatient settlements only. */
	static String outpatientDayKey(Settlement s) {
		return "11".equals(s.medType()) ? s.personId() + "|" + s.providerCode() + "|" + s.visitStart() : null;
	}

	/**
	 * The fields a fee line's document copies from its settlement, person and provider (and the load id): the
	 * same for all of a settlement's lines, so written once per settlement.
	 */
	static byte[] settlementPart(Settlement s, PersonFacts person, Provider provider, String loadId) {
		return settlementFields(new JsonDocument(), s, person, provider).text("load_id", loadId)
			.text("gender", person.gender()).number("age_at_visit", ageAt(person.birthDate(), s.visitStart())).fragment();
	}

	/** The runs of a fee line's fields that come from its catalogue item, written once per item and load. */
	record ItemParts(byte[] codeAndName, byte[] typeAndTags, byte[] ceiling, byte[] maxQtyAndRestriction,
			byte[] requiresTag) {

		static ItemParts of(Item item) {
			return new ItemParts(new JsonDocument(256).text("item_code", item.code()).text("item_name", item.name()).fragment(),
					new JsonDocument(256).text("item_type", item.type()).texts("item_tags", item.tags()).fragment(),
					new JsonDocument(64).number("price_ceiling", item.priceCeiling()).fragment(),
					new JsonDocument(256).number("max_qty_per_visit", item.maxQtyPerVisit())
						.texts("restrict_diag", item.restrictDiag())
						.fragment(),
					new JsonDocument(128).texts("requires_tag", item.requiresTag()).fragment());
		}
	}

	/** One fee line's document: its own fields between the pre-written runs of its settlement's and item's. */
	static byte[] claim(FeeLine line, Settlement s, byte[] settlementPart, Item item, ItemParts itemParts) {
		return claim(new JsonDocument(settlementPart.length + 768), line, s, settlementPart, item, itemParts).toBytes();
	}

	/** The fee line's document, written into {@code into} after clearing it. */
	static JsonDocument claim(JsonDocument into, FeeLine line, Settlement s, byte[] settlementPart, Item item,
			ItemParts itemParts) {
		LocalDate itemDate = line.itemTime().toLocalDate();
		BigDecimal excess = item.priceCeiling() == null ? null : line.unitPrice().subtract(item.priceCeiling());
		return into.clear().fields(settlementPart)
			.number("line_no", line.lineNo()).dateTime("item_time", line.itemTime()).date("item_date", itemDate)
			.text("iso_week", isoWeek(itemDate)).fields(itemParts.codeAndName())
			.text("billed_item_name", line.billedName()).fields(itemParts.typeAndTags())
			.number("quantity", line.quantity()).number("unit_price", line.unitPrice()).number("amount", line.amount())
			.fields(itemParts.ceiling()).number("price_excess", excess).fields(itemParts.maxQtyAndRestriction())
			.bool("diag_allowed", item.restrictDiag().isEmpty() ? null : item.payableFor(s.diagCode()))
			.fields(itemParts.requiresTag());
	}

	static byte[] settlement(Settlement s, PersonFacts person, Provider provider, Totals totals, String loadId) {
		return settlementFields(new JsonDocument(2048), s, person, provider).text("load_id", loadId)
			.text("gender", person.gender()).bool("assisted", person.assisted()).date("death_date", person.deathDate())
			.number("age_at_visit", ageAt(person.birthDate(), s.visitStart()))
			.date("enroll_date", person.enrollDate()).date("end_date", person.endDate())
			.bool("covered_at_visit", coveredAt(person, s.visitStart())).text("outpatient_day_key", outpatientDayKey(s))
			.bool("out_of_area", !s.insuredRegion().equals(s.medicalRegion())).bool("inpatient", s.inpatient())
			.number("length_of_stay", ChronoUnit.DAYS.between(s.visitStart(), s.visitEnd()))
			.text("diag_name", s.diagName()).text("dept_name", s.deptName()).text("doctor_code", s.doctorCode())
			.number("total_amount", s.totalAmount()).number("fund_paid", s.fundPaid()).number("self_paid", s.selfPaid())
			.number("line_count", totals.lines).texts("item_tags", totals.byTag.keySet()).numbers("amount_by_tag", totals.byTag)
			.number("hvmc_amount", totals.byTag.getOrDefault("hvmc", BigDecimal.ZERO))
			.number("dialysis_amount", totals.byTag.getOrDefault("dialysis", BigDecimal.ZERO))
			.number("genetic_test_amount", totals.byTag.getOrDefault("genetic_test", BigDecimal.ZERO)).toBytes();
	}

	static byte[] ledgerMonth(LedgerMonth m, String loadId) {
		return new JsonDocument().text("load_id", loadId).text("region", m.region()).text("insurance_type", m.insuranceType())
			.text("month", m.month().toString()).number("income", m.income()).number("opening_balance", m.openingBalance())
			.toBytes();
	}

	static String claimId(FeeLine line) {
		return claimId(line.settlementId(), line.lineNo());
	}

	static String claimId(String settlementId, int lineNo) {
		return settlementId + "#" + lineNo;
	}

	static String ledgerId(LedgerMonth m) {
		return m.region() + "|" + m.insuranceType() + "|" + m.month();
	}

	/** ISO week-based year and week, e.g. 2026-W01 for 2025-12-29: what "one ISO week" means in the dialysis rule. */
	static String isoWeek(LocalDate date) {
		int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		// by hand: String.format per fee line was a noticeable share of the loader's garbage
		return date.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
	}

	private static JsonDocument settlementFields(JsonDocument doc, Settlement s, PersonFacts person, Provider provider) {
		return doc.text("settlement_id", s.settlementId()).text("person_id", s.personId()).text("id_hash", person.idHash())
			.text("insurance_type", person.insuranceType()).text("provider_code", s.providerCode())
			.text("provider_type", provider.type()).text("provider_level", provider.level())
			.text("provider_region", provider.region()).text("medical_region", s.medicalRegion())
			.text("insured_region", s.insuredRegion()).text("med_type", s.medType()).date("visit_start", s.visitStart())
			.date("visit_end", s.visitEnd()).dateTime("settle_time", s.settleTime())
			.text("settle_month", s.settleTime().toLocalDate().toString().substring(0, 7)).text("diag_code", s.diagCode())
			.text("diag3", s.diagCode().length() >= 3 ? s.diagCode().substring(0, 3) : s.diagCode());
	}
}

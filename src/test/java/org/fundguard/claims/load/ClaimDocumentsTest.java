package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.fundguard.claims.load.CatalogRows.Item;
import org.fundguard.claims.load.CatalogRows.Provider;
import org.fundguard.claims.load.ClaimRows.FeeLine;
import org.fundguard.claims.load.ClaimRows.Settlement;
import org.fundguard.claims.load.Stored.PersonFacts;
import org.junit.jupiter.api.Test;

/** A fee line's document built from pre-written settlement and item runs is the one built field by field. */
class ClaimDocumentsTest {

	private static final Settlement SETTLEMENT = new Settlement("S0001", "P0001", "H37030000001", "370302", "370303", "21",
			LocalDate.of(2025, 12, 28), LocalDate.of(2026, 1, 3), LocalDateTime.of(2026, 1, 3, 16, 0, 1), "N18.5", "慢性肾脏病5期",
			"肾内科", "D001", new BigDecimal("1500.00"), new BigDecimal("1200.00"), new BigDecimal("300.00"));
	private static final PersonFacts PERSON = new PersonFacts("ab12", "1", LocalDate.of(1950, 5, 1), "310", null, true,
			LocalDate.of(2000, 1, 1), null);
	private static final Provider PROVIDER = new Provider("H37030000001", "淄博市第一医院", "hospital", "370302", "3", "active",
			LocalDate.of(2020, 1, 1));

	@Test
	void aFeeLineDocumentHasEveryFieldInTheSameOrder() {
		Item restricted = new Item("C0000000000000000001", "血液透析器 \"高通量\"", "consumable", new BigDecimal("300.00"),
				new BigDecimal("3"), List.of("N18", "N19"), List.of("dialysis", "hvmc"), List.of("dialysis_service"));
		Item plain = new Item("001234567890123", "诊查费", "service", null, null, List.of(), List.of(), List.of());
		FeeLine first = new FeeLine("S0001", 1, LocalDateTime.of(2025, 12, 29, 9, 30, 0), restricted.code(), "透析器",
				new BigDecimal("2"), new BigDecimal("320.50"), new BigDecimal("641.00"));
		FeeLine second = new FeeLine("S0001", 2, LocalDateTime.of(2026, 1, 2, 23, 59, 59), plain.code(), null,
				new BigDecimal("1.0000"), new BigDecimal("0"), new BigDecimal("0.00"));
		byte[] settlementPart = ClaimDocuments.settlementPart(SETTLEMENT, PERSON, PROVIDER, "load-1");

		for (var c : List.of(new Object[] { first, restricted }, new Object[] { second, plain })) {
			FeeLine line = (FeeLine) c[0];
			Item item = (Item) c[1];
			String built = new String(ClaimDocuments.claim(line, SETTLEMENT, settlementPart, item, ClaimDocuments.ItemParts.of(item)),
					StandardCharsets.UTF_8);
			assertThat(built).isEqualTo(new String(fieldByField(line, item), StandardCharsets.UTF_8));
		}
		assertThat(new String(ClaimDocuments.claim(first, SETTLEMENT, settlementPart, restricted,
				ClaimDocuments.ItemParts.of(restricted)), StandardCharsets.UTF_8))
			.contains("\"iso_week\":\"2026-W01\"", "\"price_excess\":20.50", "\"diag_allowed\":true", "\"settle_month\":\"2026-01\"");
	}

	@Test
	void isoWeeksArePadded() {
		assertThat(ClaimDocuments.isoWeek(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
		assertThat(ClaimDocuments.isoWeek(LocalDate.of(2026, 3, 16))).isEqualTo("2026-W12");
		assertThat(ClaimDocuments.isoWeek(LocalDate.of(2021, 1, 3))).isEqualTo("2020-W53");
	}

	@Test
	void ageCountsWholeYearsAndA29FebruaryBirthdayFallsOnFirstMarch() {
		assertThat(ClaimDocuments.ageAt(LocalDate.of(2010, 3, 1), LocalDate.of(2025, 2, 28))).isEqualTo(14);
		assertThat(ClaimDocuments.ageAt(LocalDate.of(2010, 3, 1), LocalDate.of(2026, 2, 28))).isEqualTo(15);
		assertThat(ClaimDocuments.ageAt(LocalDate.of(2010, 3, 1), LocalDate.of(2026, 3, 1))).isEqualTo(16);
		LocalDate leapling = LocalDate.of(2008, 2, 29);
		assertThat(ClaimDocuments.ageAt(leapling, LocalDate.of(2025, 2, 28))).isEqualTo(16);
		assertThat(ClaimDocuments.ageAt(leapling, LocalDate.of(2025, 3, 1))).isEqualTo(17);
		assertThat(ClaimDocuments.ageAt(leapling, LocalDate.of(2024, 2, 28))).isEqualTo(15);
		assertThat(ClaimDocuments.ageAt(leapling, LocalDate.of(2024, 2, 29))).isEqualTo(16);
		assertThat(ClaimDocuments.ageAt(leapling, LocalDate.of(2008, 2, 29))).isZero();
	}

	@Test
	void coverageIsInclusiveAtBothEndsAndOpenWithoutEndDate() {
		PersonFacts ended = new PersonFacts("h", "2", LocalDate.of(1980, 1, 1), "390", null, false, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 6, 30));
		assertThat(ClaimDocuments.coveredAt(ended, LocalDate.of(2025, 1, 1))).isTrue();
		assertThat(ClaimDocuments.coveredAt(ended, LocalDate.of(2025, 6, 30))).isTrue();
		assertThat(ClaimDocuments.coveredAt(ended, LocalDate.of(2024, 12, 31))).isFalse();
		assertThat(ClaimDocuments.coveredAt(ended, LocalDate.of(2025, 7, 1))).isFalse();
		assertThat(ClaimDocuments.coveredAt(PERSON, LocalDate.of(2099, 1, 1))).isTrue();
	}

	@Test
	void onlyGeneralOutpatientSettlementsHaveAnOutpatientDayKey() {
		assertThat(ClaimDocuments.outpatientDayKey(SETTLEMENT)).isNull();
		Settlement outpatient = new Settlement("S2", "P0001", "H37030000001", "370302", "370303", "11", LocalDate.of(2025, 3, 4),
				LocalDate.of(2025, 3, 4), LocalDateTime.of(2025, 3, 4, 10, 0), "J06.9", null, null, null, BigDecimal.ONE,
				BigDecimal.ONE, BigDecimal.ZERO);
		assertThat(ClaimDocuments.outpatientDayKey(outpatient)).isEqualTo("P0001|H37030000001|2025-03-04");
	}

	@Test
	void daysEnrolledAfterDeathNeedBothDates() {
		var person = new PersonRows.Person("P1", "x", null, "1", LocalDate.of(1940, 1, 1), "370302", "390", LocalDate.of(2000, 1, 1),
				LocalDate.of(2025, 3, 1), LocalDate.of(2025, 1, 30), false);
		assertThat(ClaimDocuments.enrolledDaysAfterDeath(person)).isEqualTo(30);
		assertThat(ClaimDocuments.enrolledDaysAfterDeath(new PersonRows.Person("P1", "x", null, "1", LocalDate.of(1940, 1, 1),
				"370302", "390", LocalDate.of(2000, 1, 1), null, LocalDate.of(2025, 1, 30), false))).isNull();
		assertThat(ClaimDocuments.enrolledDaysAfterDeath(new PersonRows.Person("P1", "x", null, "1", LocalDate.of(1940, 1, 1),
				"370302", "390", LocalDate.of(2000, 1, 1), LocalDate.of(2025, 3, 1), null, false))).isNull();
	}

	/** The document as the loader wrote it before the runs were pre-written: one field after the other. */
	private static byte[] fieldByField(FeeLine line, Item item) {
		Settlement s = SETTLEMENT;
		LocalDate itemDate = line.itemTime().toLocalDate();
		BigDecimal excess = item.priceCeiling() == null ? null : line.unitPrice().subtract(item.priceCeiling());
		return new JsonDocument().text("settlement_id", s.settlementId()).text("person_id", s.personId())
			.text("id_hash", PERSON.idHash()).text("insurance_type", PERSON.insuranceType()).text("provider_code", s.providerCode())
			.text("provider_type", PROVIDER.type()).text("provider_level", PROVIDER.level())
			.text("provider_region", PROVIDER.region()).text("medical_region", s.medicalRegion())
			.text("insured_region", s.insuredRegion()).text("med_type", s.medType()).date("visit_start", s.visitStart())
			.date("visit_end", s.visitEnd()).dateTime("settle_time", s.settleTime())
			.text("settle_month", s.settleTime().toLocalDate().toString().substring(0, 7)).text("diag_code", s.diagCode())
			.text("diag3", s.diagCode().substring(0, 3)).text("load_id", "load-1").text("gender", "1").number("age_at_visit", 75)
			.number("line_no", line.lineNo()).dateTime("item_time", line.itemTime()).date("item_date", itemDate)
			.text("iso_week", ClaimDocuments.isoWeek(itemDate)).text("item_code", item.code()).text("item_name", item.name())
			.text("billed_item_name", line.billedName()).text("item_type", item.type()).texts("item_tags", item.tags())
			.number("quantity", line.quantity()).number("unit_price", line.unitPrice()).number("amount", line.amount())
			.number("price_ceiling", item.priceCeiling()).number("price_excess", excess)
			.number("max_qty_per_visit", item.maxQtyPerVisit()).texts("restrict_diag", item.restrictDiag())
			.bool("diag_allowed", item.restrictDiag().isEmpty() ? null : item.payableFor(s.diagCode()))
			.texts("requires_tag", item.requiresTag()).toBytes();
	}
}

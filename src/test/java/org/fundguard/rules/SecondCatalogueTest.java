package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Edge cases of the second catalogue's settlement, person and fund rules. */
class SecondCatalogueTest {

	static JsonNode visit(String id) {
		return KnowledgeBaseRulesTest.json("{'settlement_id':'" + id + "','person_id':'P1','provider_code':'H1',"
				+ "'visit_start':'2024-05-06','fund_paid':10.5,'outpatient_day_key':'P1|H1|2024-05-06'}");
	}

	@Test
	void exactlyNVisitsIsNoSplitOutpatientAndOneMoreIs() {
		List<Hit> hits = new ArrayList<>();
		VisitRules.splitVisits(List.of(visit("S1"), visit("S2")), 2, hits::add);
		assertThat(hits).isEmpty();
		VisitRules.splitVisits(List.of(visit("S1"), visit("S2"), visit("S3")), 2, hits::add);
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.subjectKey()).isEqualTo("P1|H1|2024-05-06");
			assertThat(h.measured()).isEqualTo(3.0);
			assertThat(h.settlementIds()).containsExactly("S1", "S2", "S3");
			assertThat(h.money()).isEqualTo(31.5);
			assertThat(h.partyKey()).isEqualTo("H1");
		});
	}

	@Test
	void minorIllnessPrefixesMatchTheStartOfTheDiagnosis() {
		List<String> prefixes = List.of("J00", "J06", "K30", "R51", "M54.5");
		assertThat(VisitRules.minorIllness("M54.500", prefixes)).isEqualTo("M54.5");
		assertThat(VisitRules.minorIllness("M54.400", prefixes)).isNull();
		assertThat(VisitRules.minorIllness("J06.900", prefixes)).isEqualTo("J06");
		assertThat(VisitRules.minorIllness("J18.900", prefixes)).isNull();
	}

	@Test
	void coverageIsInclusiveAtBothEndsAndAnOpenEndHasNoEnd() {
		LocalDate enroll = LocalDate.of(2020, 1, 1);
		LocalDate end = LocalDate.of(2024, 5, 6);
		assertThat(EnrollmentRules.covers(enroll, end, LocalDate.of(2024, 5, 6))).as("coverage ending on the visit day").isTrue();
		assertThat(EnrollmentRules.covers(enroll, end, LocalDate.of(2024, 5, 7))).isFalse();
		assertThat(EnrollmentRules.covers(enroll, end, enroll)).isTrue();
		assertThat(EnrollmentRules.covers(enroll, end, enroll.minusDays(1))).isFalse();
		assertThat(EnrollmentRules.covers(enroll, null, LocalDate.of(2099, 1, 1))).isTrue();
		assertThat(EnrollmentRules.covers(null, null, enroll)).isFalse();
	}

	@Test
	void coverageEndingExactlyGDaysAfterDeathIsInTime() {
		LocalDate death = LocalDate.of(2024, 1, 31);
		assertThat(EnrollmentRules.enrolledAfterDeath(death, death.plusDays(30), 30)).isFalse();
		assertThat(EnrollmentRules.enrolledAfterDeath(death, death.plusDays(31), 30)).isTrue();
		assertThat(EnrollmentRules.enrolledAfterDeath(death, null, 30)).isTrue();
		assertThat(EnrollmentRules.enrolledAfterDeath(death, death.minusDays(3), 0)).isFalse();
	}

	@Test
	void aLedgerYearWithElevenMonthsIsNotJudgedAndIncomeMustBeStrictlyBelowInCents() {
		Map<YearMonth, Long> income = new HashMap<>();
		Map<YearMonth, Double> spent = new HashMap<>();
		for (int m = 1; m <= 12; m++) {
			income.put(YearMonth.of(2023, m), 100_00L);
			spent.put(YearMonth.of(2023, m), 100.0);
		}
		assertThat(FundMath.deficit(income, spent, 2023)).as("income equal to expenditure").isNull();
		spent.put(YearMonth.of(2023, 6), 100.004);
		assertThat(FundMath.deficit(income, spent, 2023)).as("less than half a cent more").isNull();
		spent.put(YearMonth.of(2023, 6), 100.01);
		assertThat(FundMath.deficit(income, spent, 2023)).isEqualTo(new FundMath.Deficit(1200_00L, 1200_01L));
		income.remove(YearMonth.of(2023, 12));
		assertThat(FundMath.deficit(income, spent, 2023)).as("11 months in the ledger").isNull();
		// only the income months must be complete: a year without expenditure in some months is still judged
		Map<YearMonth, Long> full = new HashMap<>();
		for (int m = 1; m <= 12; m++) {
			full.put(YearMonth.of(2022, m), 1L);
		}
		assertThat(FundMath.deficit(full, Map.of(YearMonth.of(2022, 3), 1.0), 2022)).isNotNull();
		assertThat(FundMath.cents(0.1 + 0.2)).isEqualTo(30);
	}
}

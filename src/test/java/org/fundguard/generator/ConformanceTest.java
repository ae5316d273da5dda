package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fundguard.generator.CsvTables.Table;

import org.junit.jupiter.api.Test;

/** Every row of a generated export follows interchange.md; the files are UTF-8 with LF line ends. */
class ConformanceTest {

	@Test
	void everyRowConformsToTheInterchangeContract() {
		CsvTables tables = TestExports.tables(TestExports.standard());

		assertThat(Conformance.check(tables)).isEmpty();
		assertThat(tables.get("settlements.csv").rows()).hasSizeGreaterThan(20_000);
		assertThat(tables.get("fee_items.csv").rows()).hasSizeGreaterThan(100_000);
	}

	@Test
	void theLedgerBalancesFollowIncomeAndTheSettlementsExpenditure() {
		CsvTables t = TestExports.tables(TestExports.standard());
		Map<String, String> scheme = new HashMap<>();
		Table persons = t.get("persons.csv");
		persons.rows().forEach(r -> scheme.put(persons.get(r, "person_id"), persons.get(r, "insurance_type")));
		Map<String, BigDecimal> spent = new HashMap<>();
		Table s = t.get("settlements.csv");
		for (String[] r : s.rows()) {
			String fund = s.get(r, "insured_region") + "|" + scheme.get(s.get(r, "person_id")) + "|"
					+ s.get(r, "settle_time").substring(0, 7);
			spent.merge(fund, new BigDecimal(s.get(r, "fund_paid")), BigDecimal::add);
		}
		Table ledger = t.get("fund_ledger.csv");
		assertThat(ledger.rows()).hasSize(4 * 14);
		for (int i = 0; i + 1 < ledger.rows().size(); i++) {
			String[] r = ledger.rows().get(i);
			String[] next = ledger.rows().get(i + 1);
			if (!ledger.get(next, "insurance_type").equals(ledger.get(r, "insurance_type"))
					|| !ledger.get(next, "region").equals(ledger.get(r, "region"))) {
				continue;
			}
			BigDecimal expenditure = spent.getOrDefault(
					ledger.get(r, "region") + "|" + ledger.get(r, "insurance_type") + "|" + ledger.get(r, "month"),
					BigDecimal.ZERO);
			assertThat(new BigDecimal(ledger.get(next, "opening_balance"))).as(String.join(",", r))
				.isEqualByComparingTo(new BigDecimal(ledger.get(r, "opening_balance"))
					.add(new BigDecimal(ledger.get(r, "income")))
					.subtract(expenditure));
			assertThat(new BigDecimal(ledger.get(r, "income")).signum()).isNotNegative();
		}
	}

	@Test
	void filesUseLineFeedsAndQuoteWhereNeeded() throws IOException {
		Path dir = TestExports.standard();
		String items = Files.readString(dir.resolve("items.csv"));

		assertThat(items).doesNotContain("\r").startsWith("item_code,item_name,");
		// an item name with a comma and one with quotes, quoted per RFC 4180
		assertThat(items).contains("\"复方氨基酸注射液(18AA-Ⅱ, 250ml)\"").contains("\"板蓝根颗粒(\"\"无糖型\"\" 3g*20袋)\"");
	}
}

package org.fundguard.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fundguard.cases.LeadCases;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.record.Actor;
import org.fundguard.recovery.RecoveryLedger;
import org.fundguard.recovery.RecoverySource;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.SmallExport;
import org.fundguard.rules.Window;

/**
 * The dashboard ITs' data, loaded once per JVM: a year and a month of fund_paid for the 370300 employees' fund
 * (2040-06..2041-06, more each month, the last month half as much again), the ledger of 2041's first half, a rule run
 * over June 2041 (price-over-ceiling on the drug), a case opened from its lead, and a recovery booked. The expected
 * figures are not taken from here: the tests ask Elasticsearch and the database themselves.
 */
final class DashboardData {

	static final YearMonth MONTH = YearMonth.of(2041, 6);
	static final String RULE = "price-over-ceiling";
	static final String FUND_REGION = "370300";
	static final String FUND_SCHEME = "310";

	private static boolean loaded;

	private DashboardData() {
	}

	static synchronized void ensure(ClaimsLoader loader, RuleEngine engine, Leads leads, LeadCases cases, RecoveryLedger recoveries,
			Path temp) throws IOException {
		if (loaded) {
			return;
		}
		String p = "DB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 105, "").person("P2", 106, "");
		int n = 0;
		for (YearMonth m = MONTH.minusMonths(12); !m.isAfter(MONTH); m = m.plusMonths(1)) {
			String price = m.equals(MONTH) ? "150.00" : "%d.00".formatted(90 + m.getMonthValue());
			export.visit("S" + n++, "P1", "H37030300012", "11", m.atDay(10).toString(), "E11.900", SmallExport.DRUG, price);
			export.visit("S" + n++, "P2", "H37030300011", "11", m.atDay(12).toString(), "E11.900", SmallExport.DRUG, "10.00");
		}
		Path folder = export.writeTo(temp.resolve("dashboard-export"));
		List<String> ledger = new ArrayList<>(List.of("region,insurance_type,month,income,opening_balance"));
		for (int month = 1; month <= 6; month++) {
			// income 100 a month against about 110 spent: the half year runs a deficit; the opening balance covers ~6 months
			ledger.add(FUND_REGION + "," + FUND_SCHEME + ",2041-%02d,100.00,%d.00".formatted(month, 700 - 10 * month));
		}
		Files.write(folder.resolve("fund_ledger.csv"), ledger);
		loader.load(folder, "analyst1", LoadProgress.NONE);
		RunRecord run = engine.run(new RunRequest(List.of(RULE), new Window(MONTH.atDay(1), MONTH.atEndOfMonth()), List.of(),
				"analyst1", "UI"));
		Lead lead = leads.ofRun(run.id()).stream().filter(l -> l.partyKey().equals("H37030300012")).findFirst().orElseThrow();
		cases.open(lead.id(), new Actor("director1", "director"));
		recoveries.book(new RecoveryLedger.Booking(RecoverySource.SELF_REPORT, p + "refund", "H37030300012", "淄博市第二医院",
				new BigDecimal("123.45"), "仪表板测试退回", LocalDate.of(2026, 11, 2), RULE, null));
		loaded = true;
	}
}

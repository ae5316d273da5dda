package org.fundguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fundguard.cases.LeadCases;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.recovery.RecoveryLedger;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleEngine;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's API against the real Elasticsearch and database: every figure checked against a query written
 * here (not the dashboard's code), the monthly report archived once per scheduled month and readable, bad input
 * refused in Chinese, and only directors and analysts let in.
 */
@IntegrationTest
class DashboardIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	Leads leads;

	@Autowired
	LeadCases cases;

	@Autowired
	RecoveryLedger recoveries;

	@Autowired
	ElasticJson elastic;

	@Autowired
	ElasticsearchProperties es;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonthlyReports reports;

	@TempDir
	Path temp;

	@BeforeEach
	void data() throws IOException {
		DashboardData.ensure(loader, engine, leads, cases, recoveries, temp);
	}

	@Test
	void theFundPositionIsTheLedgerAndTheSettlementsAsQueriedHere() throws Exception {
		JsonNode fund = fund(api("director1"));
		YearMonth m = DashboardData.MONTH;

		double spent = fundPaid(m, m);
		double yearAgo = fundPaid(m.minusMonths(12), m.minusMonths(12));
		assertThat(spent).as("the test's data is in").isPositive();
		assertThat(fund.path("expenditure").asDouble()).isCloseTo(spent, within(0.005));
		assertThat(fund.path("income").asDouble()).isCloseTo(ledgerSum("income", m, m), within(0.005));
		assertThat(fund.path("growthPercent").asDouble()).isCloseTo((spent / yearAgo - 1) * 100, within(0.006));

		double average = fundPaid(m.minusMonths(12), m.minusMonths(1)) / 12;
		double opening = ledgerSum("opening_balance", m, m);
		double min = jdbc.sql("select param_value from rule_parameter where rule_id = 'reserve-months' and region = '370300' and param_name = 'min_months'")
			.query(Double.class).optional().orElse(6.0);
		assertThat(fund.path("reserveMonths").asDouble()).isCloseTo(opening / average, within(0.006));
		assertThat(fund.path("minReserveMonths").asDouble()).isEqualTo(min);
		assertThat(fund.path("reserveMet").asBoolean()).isEqualTo(opening / average >= min);

		YearMonth january = YearMonth.of(m.getYear(), 1);
		double yearIncome = ledgerSum("income", january, m);
		double yearSpent = fundPaid(january, m);
		assertThat(fund.path("yearIncome").asDouble()).isCloseTo(yearIncome, within(0.005));
		assertThat(fund.path("yearExpenditure").asDouble()).isCloseTo(yearSpent, within(0.005));
		assertThat(fund.path("balanced").asBoolean()).isEqualTo(yearIncome >= yearSpent);
		assertThat(fund.path("link").asText()).isEqualTo("/leads?region=370300");
	}

	@Test
	void signalsAndLeadsByRuleAndMonthAreCountedAsQueriedHere() throws Exception {
		JsonNode view = api("analyst1");
		String month = DashboardData.MONTH.toString();
		JsonNode row = null;
		for (JsonNode r : view.path("signals")) {
			if (r.path("ruleId").asText().equals(DashboardData.RULE) && r.path("month").asText().equals(month)) {
				row = r;
			}
		}
		assertThat(row).as("the rule's June row").isNotNull();
		long signals = elastic.send("POST", "/" + es.name("signals") + "/_count", "{\"query\":{\"bool\":{\"filter\":["
				+ "{\"term\":{\"rule_id\":\"" + DashboardData.RULE + "\"}},{\"term\":{\"suppressed\":false}},{\"term\":{\"month\":\"" + month
				+ "\"}}]}}}").path("count").asLong();
		long leadCount = jdbc.sql("select rules from rule_lead where window_to between ? and ?")
			.params(DashboardData.MONTH.atDay(1), DashboardData.MONTH.atEndOfMonth())
			.query(String.class).list().stream()
			.filter(rules -> Arrays.stream(rules.split(",")).map(String::strip).anyMatch(DashboardData.RULE::equals))
			.count();
		assertThat(signals).isPositive();
		assertThat(row.path("signals").asLong()).isEqualTo(signals);
		assertThat(row.path("leads").asLong()).isEqualTo(leadCount).isPositive();
		assertThat(row.path("ruleName").asText()).isEqualTo("超标准收费（单价超过限价）").doesNotContain(DashboardData.RULE);
		assertThat(row.path("link").asText()).isEqualTo("/leads?rule=" + DashboardData.RULE);
	}

	@Test
	void theFunnelAndTheMoneyAreTheDatabasesCounts() throws Exception {
		JsonNode view = api("director1");
		JsonNode funnel = view.path("funnel");
		assertThat(funnel.path("leads").asLong()).isEqualTo(count("select count(*) from rule_lead"));
		assertThat(funnel.path("cases").asLong()).isEqualTo(count("select count(*) from audit_case where source = 'LEAD' and merged_into is null"))
			.isPositive();
		assertThat(funnel.path("penalties").asLong()).isEqualTo(count(
				"select count(*) from penalty_case p, audit_case c where c.id = p.case_id and c.source = 'LEAD' and p.decided_at is not null"));
		assertThat(funnel.path("paid").asLong()).isEqualTo(count(
				"select count(*) from penalty_case p, audit_case c where c.id = p.case_id and c.source = 'LEAD' and p.paid_on is not null and p.decided_at is not null"));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		BigDecimal recovered = jdbc.sql("select coalesce(sum(amount), 0) from recovery_entry where booked_on <= ?").param(today)
			.query(BigDecimal.class).single();
		assertThat(view.at("/money/recovered").decimalValue()).isEqualByComparingTo(recovered);
		assertThat(recovered).isGreaterThanOrEqualTo(new BigDecimal("123.45"));
		BigDecimal fines = jdbc.sql("select coalesce(sum(fine), 0) from penalty_case where decided_at is not null and fine > 0")
			.query(BigDecimal.class).single();
		assertThat(view.at("/money/finesDecided").decimalValue()).isEqualByComparingTo(fines);
		assertThat(view.path("asOf").asText()).endsWith("+08:00");
		assertThat(view.path("month").asText()).isEqualTo(DashboardData.MONTH.toString());
	}

	@Test
	void creditAndCampaignsShowNothingMadeUpWhenTheirModulesAreAbsent() throws Exception {
		JsonNode view = api("director1");
		// the lead merges the credit and campaigns modules: then these are their figures, checked in their own tests
		if (view.path("creditGrades").isNull()) {
			assertThat(view.path("links").has("credit")).isFalse();
		}
		if (view.path("campaigns").isNull()) {
			assertThat(view.path("links").has("campaigns")).isFalse();
		}
		assertThat(view.path("links").path("recoveries").asText()).isEqualTo("/recoveries");
	}

	@Test
	void theScheduledReportOfAMonthIsArchivedOnceAndReadsAsThatMonth() throws Exception {
		YearMonth m = DashboardData.MONTH;
		// the month is this test's own; a run before loaded less into it, so its report read other figures
		jdbc.sql("delete from dashboard_report where scheduled_month = ?").param(m.toString()).update();
		MonthlyReports.Report first = reports.scheduled(m);
		MonthlyReports.Report again = reports.scheduled(m);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(count("select count(*) from dashboard_report where scheduled_month = '" + m + "'")).isEqualTo(1);

		var pdf = Http.get(url("/api/dashboard/reports/" + first.id() + ".pdf"), KeycloakTokens.accessToken("director1"));
		assertThat(pdf.statusCode()).isEqualTo(200);
		byte[] bytes = reports.content(first);
		assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
		String text;
		try (var doc = Loader.loadPDF(bytes)) {
			text = new PDFTextStripper().getText(doc);
		}
		String spent = String.format("%,.2f", fundPaid(m, m));
		assertThat(text).contains("调度分析报告", m.toString(), spent, "超标准收费");

		JsonNode listed = JSON.readTree(Http.get(url("/api/dashboard/reports"), KeycloakTokens.accessToken("analyst1")).body());
		assertThat(listed.findValuesAsText("id")).contains(first.id());
	}

	@Test
	void aBadMonthIsRefusedInChineseAndOnlyDirectorsAndAnalystsGetIn() {
		var bad = Http.get(url("/api/dashboard?month=2041-13"), KeycloakTokens.accessToken("director1"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("统计月份格式不正确");
		for (String user : new String[] { "inspector1", "admin1", "institution1" }) {
			assertThat(Http.get(url("/api/dashboard"), KeycloakTokens.accessToken(user)).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(Http.get(url("/api/dashboard"), null).statusCode()).as("the public").isIn(401, 403);
	}

	private JsonNode api(String user) throws Exception {
		var r = Http.get(url("/api/dashboard?month=" + DashboardData.MONTH), KeycloakTokens.accessToken(user));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body());
	}

	private static JsonNode fund(JsonNode view) {
		for (JsonNode f : view.path("funds")) {
			if (f.path("region").asText().equals(DashboardData.FUND_REGION) && f.path("scheme").asText().equals(DashboardData.FUND_SCHEME)) {
				return f;
			}
		}
		throw new AssertionError("no 370300 employees' fund in " + view.path("funds"));
	}

	/** fund_paid of the fund's settlements settled in [from, to], by this test's own query. */
	double fundPaid(YearMonth from, YearMonth to) {
		return elastic.send("POST", "/" + es.name("settlements") + "/_search", "{\"size\":0,\"query\":{\"bool\":{\"filter\":["
				+ "{\"term\":{\"insured_region\":\"370300\"}},{\"term\":{\"insurance_type\":\"310\"}},"
				+ "{\"range\":{\"settle_month\":{\"gte\":\"" + from + "\",\"lte\":\"" + to + "\"}}}]}},"
				+ "\"aggs\":{\"s\":{\"sum\":{\"field\":\"fund_paid\"}}}}").at("/aggregations/s/value").asDouble();
	}

	double ledgerSum(String field, YearMonth from, YearMonth to) {
		return elastic.send("POST", "/" + es.name("fund-ledger") + "/_search", "{\"size\":0,\"query\":{\"bool\":{\"filter\":["
				+ "{\"term\":{\"region\":\"370300\"}},{\"term\":{\"insurance_type\":\"310\"}},"
				+ "{\"range\":{\"month\":{\"gte\":\"" + from + "\",\"lte\":\"" + to + "\"}}}]}},"
				+ "\"aggs\":{\"s\":{\"sum\":{\"field\":\"" + field + "\"}}}}").at("/aggregations/s/value").asDouble();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}
}

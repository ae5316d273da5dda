package org.fundguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.fundguard.cases.LeadCases;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.recovery.RecoveryLedger;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleEngine;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A director opens the dashboard in Chromium on a 1366×768 window: the numbers shown are those of queries written
 * here, ECharts draws the charts, the page fits the width in two columns, the links lead to the lists, and the
 * monthly report is made from its button and listed with its download.
 */
@IntegrationTest
class DashboardBrowserIT {

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

	@TempDir
	Path temp;

	@BeforeEach
	void data() throws IOException {
		DashboardData.ensure(loader, engine, leads, cases, recoveries, temp);
	}

	@Test
	void aDirectorReadsTheDashboardOnA1366By768ScreenAndFollowsItsLinks() {
		String month = DashboardData.MONTH.toString();
		double spent = elastic.send("POST", "/" + es.name("settlements") + "/_search", "{\"size\":0,\"query\":{\"bool\":{\"filter\":["
				+ "{\"term\":{\"insured_region\":\"370300\"}},{\"term\":{\"insurance_type\":\"310\"}},{\"term\":{\"settle_month\":\"" + month
				+ "\"}}]}},\"aggs\":{\"s\":{\"sum\":{\"field\":\"fund_paid\"}}}}").at("/aggregations/s/value").asDouble();
		long signals = elastic.send("POST", "/" + es.name("signals") + "/_count", "{\"query\":{\"bool\":{\"filter\":["
				+ "{\"term\":{\"rule_id\":\"" + DashboardData.RULE + "\"}},{\"term\":{\"suppressed\":false}},{\"term\":{\"month\":\"" + month
				+ "\"}}]}}}").path("count").asLong();
		long leadCases = jdbc.sql("select count(*) from audit_case where source = 'LEAD' and merged_into is null").query(Long.class).single();

		try (Browser browser = new Browser()) {
			browser.driver().manage().window().setSize(new Dimension(1366, 768));
			String page = "http://localhost:" + port + "/dashboard?month=" + month;
			browser.open(page);
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);

			assertThat(browser.waitFor(By.id("month")).getText()).isEqualTo(month);
			assertThat(browser.driver().findElement(By.id("as-of")).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
			assertThat(browser.driver().findElement(By.cssSelector("tr[data-fund='370300|310'] td.expenditure")).getText())
				.isEqualTo(String.format("%,.2f", spent));
			assertThat(browser.driver().findElement(By.cssSelector("tr[data-fund='370300|310']")).getText()).contains("职工基本医疗保险");
			By ruleRow = By.cssSelector("tr[data-rule='" + DashboardData.RULE + "'][data-month='" + month + "']");
			assertThat(browser.driver().findElement(ruleRow).findElement(By.cssSelector("td.signals")).getText())
				.isEqualTo(String.valueOf(signals));
			assertThat(browser.driver().findElement(ruleRow).getText()).contains("超标准收费").doesNotContain(DashboardData.RULE);
			assertThat(browser.driver().findElement(By.id("funnel-cases")).getText()).isEqualTo(String.valueOf(leadCases));
			// credit: the grades of the month's year, one row per grade, as many institutions as have facts that year
			String credit = browser.driver().findElement(By.id("credit")).getText();
			int year = DashboardData.MONTH.getYear();
			long scored = jdbc.sql("select count(distinct provider_code) from credit_fact where occurred_on >= ? "
					+ "and occurred_on <= ? and occurred_on <= current_date")
				.params(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31))
				.query(Long.class)
				.single();
			assertThat(credit).contains(year + " 年度", "A级", "B级", "C级", "D级");
			assertThat(java.util.regex.Pattern.compile("[A-D]级（[^）]+）\\s+(\\d+)").matcher(credit).results()
				.mapToLong(m -> Long.parseLong(m.group(1))).sum()).isEqualTo(scored);
			for (String chart : new String[] { "chart-funds", "chart-signals", "chart-funnel", "chart-money" }) {
				browser.waitFor(By.cssSelector("#" + chart + " canvas"));
			}
			browser.screenshot("dashboard-1366x768");
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
				.as("no sideways scrolling at 1366×768").isEqualTo(true);
			assertThat(js.executeScript("var a = document.getElementById('signals').getBoundingClientRect(),"
					+ " b = document.getElementById('funnel').getBoundingClientRect(); return Math.abs(a.top - b.top) < 2 && b.left > a.right;"))
				.as("two columns: the signals and the funnel side by side").isEqualTo(true);

			browser.driver().findElement(ruleRow).findElement(By.tagName("a")).click();
			browser.waitFor(By.id("filters"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/leads?rule=" + DashboardData.RULE);

			browser.open(page);
			browser.waitFor(By.id("link-cases")).click();
			assertThat(browser.driver().getCurrentUrl()).endsWith("/cases");
			browser.open(page);
			browser.waitFor(By.id("link-recoveries")).click();
			browser.waitFor(By.id("recovery-total"));

			browser.open(page);
			browser.waitFor(By.id("make-report")).click();
			String listed = browser.waitFor(By.id("report-list")).getText();
			assertThat(listed).contains(month, "director1", "下载 PDF");
			String href = browser.driver().findElement(By.cssSelector("#report-list a")).getAttribute("href");
			assertThat(href).matches(".*/dashboard/reports/[0-9a-f-]{36}\\.pdf");
		}
	}
}

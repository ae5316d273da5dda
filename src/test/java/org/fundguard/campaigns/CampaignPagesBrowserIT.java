package org.fundguard.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.calendar.Deadlines;
import org.fundguard.selfinspections.InstitutionReport;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign pages in Chromium as a director: the campaign is defined through the list page's form (a refused
 * form names the field), then progress is made (a refund in the self-inspection, a confirmed signal); the list's
 * and the progress page's figures are checked against SQL written here over the other modules' tables and the
 * facts, not against the page's code; the charts are drawn by ECharts. Analysts read without the form; an
 * institution gets nothing.
 */
@IntegrationTest
class CampaignPagesBrowserIT extends CampaignFixture {

	static final String REGION = "370383";
	static final String RULE = "price-over-ceiling";



	@Test
	void theDirectorDefinesACampaignAndReadsItsProgressOnTheListAndItsPage() throws Exception {
		new CampaignExport().institutions(REGION, 3, 1).inspectors(3)
			.load(loader, jdbc, elastic, indices.providers(), temp.resolve("export"));
		LocalDate today = LocalDate.now(Deadlines.BUREAU_ZONE);
		String name = "页面专项整治 " + System.nanoTime();
		String base = "http://localhost:" + port;
		try (Browser browser = new Browser()) {
			browser.open(base + "/");
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("link-campaigns")).click();
			fill(browser, name, today, "");
			browser.driver().findElement(By.id("define-campaign")).click();
			assertThat(browser.waitFor(By.id("problem")).getText()).contains("“规则”");

			fill(browser, name, today, RULE);
			browser.driver().findElement(By.id("define-campaign")).click();
			assertThat(browser.waitFor(By.id("message")).getText()).contains("专项整治已定义");
			long id = jdbc.sql("select id from campaign where name = ?").param(name).query(Long.class).single();
			long selfInspectionId = jdbc.sql("select self_inspection_id from campaign where id = ?").param(id)
				.query(Long.class).single();
			// the rules are named in Chinese, never by id
			assertThat(browser.driver().findElement(By.id("rules")).getText()).isNotBlank().doesNotContain(RULE);

			List<InstitutionReport> reports = selfInspections.reports(selfInspectionId);
			InstitutionReport first = reports.getFirst();
			selfInspections.answer(first.id(), "自查发现超限价收费", List.of(), List.of(RULE), new BigDecimal("245.60"),
					"institution");
			new TransactionTemplate(transactionManager).executeWithoutResult(t -> events.publishEvent(new SignalConfirmed(
					"campaign-page-" + System.nanoTime(), null, reports.get(1).providerCode(), RULE,
					RULE + "|" + reports.get(1).providerCode() + "|2033-02", new BigDecimal("80.00"), "机构确认", today,
					SignalConfirmed.How.ACCEPTED)));

			browser.open(base + "/campaigns");
			WebElement row = browser.waitFor(By.cssSelector("#campaigns tr[data-campaign='" + id + "']"));
			assertFigures(row, id, selfInspectionId);

			browser.open(base + "/campaigns/" + id);
			WebElement regions = browser.waitFor(By.cssSelector("#campaign-regions tr[data-region='" + REGION + "']"));
			assertFigures(regions, id, selfInspectionId);
			assertThat(browser.driver().findElement(By.id("total-covered")).getText())
				.isEqualTo(String.valueOf(covered(id, selfInspectionId)));
			for (String chart : List.of("campaign-coverage-chart", "campaign-work-chart", "campaign-money-chart")) {
				browser.waitFor(By.cssSelector("#" + chart + " canvas"));
			}
			Object instance = ((JavascriptExecutor) browser.driver())
				.executeScript("return echarts.getInstanceByDom(document.getElementById('campaign-coverage-chart')) != null");
			assertThat(instance).isEqualTo(Boolean.TRUE);
			browser.screenshot("campaign-progress");
		}

		WebSession analyst = WebSession.signIn(base, "analyst1", DemoUsers.PASSWORD);
		assertThat(analyst.page("/campaigns").text()).contains(name);
		assertThat(analyst.page("/campaigns").getElementById("define-form")).isNull();
		WebSession institution = WebSession.signIn(base, "institution1", DemoUsers.PASSWORD);
		assertThat(institution.get("/campaigns").statusCode()).isEqualTo(403);
	}

	private void fill(Browser browser, String name, LocalDate today, String rule) {
		WebElement form = browser.waitFor(By.id("define-form"));
		WebElement nameField = form.findElement(By.name("name"));
		nameField.clear();
		nameField.sendKeys(name);
		date(browser, form.findElement(By.name("from")), today.minusDays(5));
		date(browser, form.findElement(By.name("to")), today.plusDays(60));
		WebElement regions = form.findElement(By.name("regions"));
		regions.clear();
		regions.sendKeys(REGION);
		WebElement hospital = form.findElement(By.cssSelector("input[name='types'][value='hospital']"));
		if (!hospital.isSelected()) {
			hospital.click();
		}
		if (!rule.isEmpty()) {
			form.findElement(By.cssSelector("input[name='ruleIds'][value='" + rule + "']")).click();
		}
		form.findElement(By.cssSelector("input[name='mode'][value='FULL']")).click();
	}

	/** A date input takes what the user types in the browser's locale: set its value as a script would. */
	private static void date(Browser browser, WebElement input, LocalDate day) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input,
				day.format(DateTimeFormatter.ISO_LOCAL_DATE));
	}

	private void assertFigures(WebElement row, long id, long selfInspectionId) {
		long inScope = jdbc.sql("select count(*) from self_inspection_report where self_inspection_id = ?")
			.param(selfInspectionId).query(Long.class).single();
		BigDecimal refunds = jdbc.sql("""
				select coalesce(sum(refunded), 0) from self_inspection_report where self_inspection_id = ? and status = 'REPORTED'""")
			.param(selfInspectionId).query(BigDecimal.class).single();
		BigDecimal recovered = jdbc.sql("""
				select coalesce(sum(amount), 0) from recovery_entry
				where (source = 'SELF_REPORT' and reference = ?)
				   or (source = 'APPEAL_OUTCOME' and source_key in (select source_key from campaign_fact where campaign_id = ? and kind = 'SIGNAL'))
				   or (source = 'PENALTY' and source_key in (select source_key from campaign_fact where campaign_id = ? and kind = 'PENALTY'))""")
			.params(String.valueOf(selfInspectionId), id, id).query(BigDecimal.class).single();
		assertThat(inScope).isEqualTo(3);
		assertThat(figure(row, "inScope")).isEqualTo(String.valueOf(inScope));
		assertThat(figure(row, "covered")).isEqualTo(String.valueOf(covered(id, selfInspectionId)));
		assertThat(money(figure(row, "refunds"))).isEqualByComparingTo(refunds).isEqualByComparingTo("245.60");
		assertThat(figure(row, "signals")).isEqualTo(String.valueOf(facts(id, "SIGNAL"))).isEqualTo("1");
		assertThat(figure(row, "cases")).isEqualTo(String.valueOf(facts(id, "CASE")));
		assertThat(figure(row, "penalties")).isEqualTo(String.valueOf(facts(id, "PENALTY")));
		assertThat(money(figure(row, "recovered"))).isEqualByComparingTo(recovered).isEqualByComparingTo("325.60");
	}

	private long covered(long id, long selfInspectionId) {
		return jdbc.sql("""
				select count(distinct provider_code) from (
				  select provider_code from self_inspection_report where self_inspection_id = ? and status = 'REPORTED'
				  union select provider_code from inspection where plan_id = (select plan_id from campaign where id = ?)
				  and result is not null) reached""")
			.params(selfInspectionId, id).query(Long.class).single();
	}

	private long facts(long id, String kind) {
		return jdbc.sql("select count(*) from campaign_fact where campaign_id = ? and kind = ?").params(id, kind)
			.query(Long.class).single();
	}

	private static String figure(WebElement row, String name) {
		return row.findElement(By.cssSelector("[data-figure='" + name + "']")).getText().strip();
	}

	private static BigDecimal money(String text) {
		return new BigDecimal(text.replace("¥", "").replace(",", ""));
	}
}

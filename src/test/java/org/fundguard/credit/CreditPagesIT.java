package org.fundguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.inspections.InspectionRecorded;
import org.fundguard.inspections.InspectionResult;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.selfinspections.SelfInspectionRefunded;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit facts from the real events against PostgreSQL, and the three credit pages and the API checked against a
 * query on the facts written here, not against the pages' code. The facts are dated 2025 and keyed stably, so a rerun
 * adds none (the idempotency under test) and no other test's facts (dated today) fall in that year.
 */
@IntegrationTest
class CreditPagesIT {

	static final String INSTITUTION1 = "H37030200002";
	static final String D_INSTITUTION = "H37030399901";
	static final String PENALISED = "H37030399902";
	static final int YEAR = 2025;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Environment environment;

	@BeforeEach
	void facts() {
		for (int round = 0; round < 2; round++) { // delivered twice: recorded once
			publish(new SignalConfirmed("credit-it-s1", "credit-it-lead", INSTITUTION1, "R-DUP-BILL", "R-DUP-BILL|x",
					new BigDecimal("120"), "重复收费", LocalDate.of(YEAR, 3, 10), SignalConfirmed.How.ACCEPTED));
			publish(new SignalConfirmed("credit-it-s2", "credit-it-lead", INSTITUTION1, "R-DUP-BILL", "R-DUP-BILL|y",
					new BigDecimal("80"), "重复收费", LocalDate.of(YEAR, 5, 20), SignalConfirmed.How.DEADLINE_PASSED));
			publish(new InspectionRecorded(9_190_001L, 0, INSTITUTION1, "淄川博爱第二医院", "370302",
					InspectionResult.REFUSED_TO_COOPERATE, LocalDate.of(YEAR, 9, 1)));
			publish(new SelfInspectionRefunded("credit-it-r1", "credit-it-si", INSTITUTION1, "R-DUP-BILL",
					new BigDecimal("500"), "多收床位费", LocalDate.of(YEAR, 12, 31)));
			for (long i = 0; i < 3; i++) {
				publish(new InspectionRecorded(9_190_010L + i, 0, D_INSTITUTION, "信用测试医院", "370303",
						InspectionResult.REFUSED_TO_COOPERATE, LocalDate.of(YEAR, 6, 1 + (int) i)));
			}
			publish(new PenaltyDecided(9_190_020L, "CREDIT-IT-1", "淄医保罚〔2025〕990号", true, PENALISED, "信用测试药店",
					"39", BigDecimal.ZERO, new BigDecimal("10000"), LocalDate.of(YEAR, 7, 7), null));
		}
	}

	@Test
	void eachEventIsRecordedOnceOnPostgres() {
		Map<String, Integer> facts = jdbc.sql("""
				select provider_code, count(*) from credit_fact where id in ('SIGNAL_CONFIRMED:credit-it-s1',
				'SIGNAL_CONFIRMED:credit-it-s2', 'REFUSED_INSPECTION:9190001', 'SELF_REPORTED_REFUND:credit-it-r1',
				'REFUSED_INSPECTION:9190010', 'REFUSED_INSPECTION:9190011', 'REFUSED_INSPECTION:9190012',
				'PENALTY_DECIDED:9190020') group by provider_code""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(facts).containsExactlyInAnyOrderEntriesOf(Map.of(INSTITUTION1, 4, D_INSTITUTION, 3, PENALISED, 1));
	}

	@Test
	void theBureauPageListsGradesTheFocusListAndAnInstitutionsFactsAndGradeHistory() {
		Map<String, Integer> scores = scores();
		try (Browser browser = new Browser()) {
			browser.open(url("/credit?year=" + YEAR));
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);
			for (String code : List.of(INSTITUTION1, D_INSTITUTION, PENALISED)) {
				WebElement row = browser.waitFor(By.cssSelector("#credit-institutions tr[data-provider='" + code + "']"));
				assertThat(row.findElement(By.className("score")).getText()).isEqualTo(String.valueOf(scores.get(code)));
				assertThat(row.findElement(By.className("grade")).getText()).startsWith(grade(scores.get(code)));
			}
			for (String grade : List.of("A", "B", "C", "D")) {
				long expected = scores.values().stream().filter(s -> grade(s).equals(grade)).count();
				assertThat(browser.driver().findElement(By.cssSelector("#credit-counts tr[data-grade='" + grade + "'] .num"))
					.getText()).as(grade).isEqualTo(String.valueOf(expected));
			}
			assertThat(browser.driver().findElement(By.id("credit-focus")).getText()).contains(D_INSTITUTION, "信用测试医院")
				.doesNotContain(INSTITUTION1);
			browser.waitFor(By.cssSelector("#credit-chart canvas"));
			Object bars = ((JavascriptExecutor) browser.driver()).executeScript(
					"return echarts.getInstanceByDom(document.getElementById('credit-chart')).getOption().series[0].data.map(d => d.value);");
			assertThat(bars.toString()).isEqualTo(List.of("A", "B", "C", "D").stream()
				.map(g -> String.valueOf(scores.values().stream().filter(s -> grade(s).equals(g)).count())).toList().toString());
			browser.screenshot("credit-bureau");

			browser.driver().findElement(By.cssSelector("#credit-institutions tr[data-provider='" + INSTITUTION1 + "'] a")).click();
			assertThat(browser.waitFor(By.id("credit-score")).getText()).isEqualTo(String.valueOf(scores.get(INSTITUTION1)));
			assertThat(browser.driver().findElements(By.cssSelector("#credit-facts tbody tr"))).hasSize(factCount(INSTITUTION1));
			// 100 − 2 − 2 = 96 (A), −20 on 09-01 → 76 (B): the refusal moved it from A to B
			assertThat(browser.driver().findElement(By.id("credit-changes")).getText())
				.contains(YEAR + "-09-01", "A级", "B级", "拒不配合现场检查");
			browser.screenshot("credit-detail");
		}
	}

	@Test
	void institution1SeesItsOwnScoreAndCausesOnly() {
		int own = scores().get(INSTITUTION1);
		try (Browser browser = new Browser()) {
			browser.open(url("/institution"));
			browser.signInAtKeycloak("institution1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("link-credit")).click();
			browser.open(url("/institution/credit?year=" + YEAR));
			assertThat(browser.waitFor(By.id("credit-score")).getText()).isEqualTo(String.valueOf(own));
			assertThat(browser.driver().findElement(By.id("credit-grade")).getText()).startsWith(grade(own));
			int deducted = jdbc.sql("select -coalesce(sum(points), 0) from credit_fact where provider_code = ? and points < 0 "
					+ "and occurred_on between ? and ?").params(INSTITUTION1, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31))
				.query(Integer.class).single();
			assertThat(browser.driver().findElement(By.id("credit-deducted")).getText()).isEqualTo(String.valueOf(deducted));
			String facts = browser.driver().findElement(By.id("credit-facts")).getText();
			assertThat(facts).contains("疑点确认", "拒不配合现场检查", "自查自纠主动退回").doesNotContain(D_INSTITUTION, "信用测试医院");
			assertThat(browser.driver().findElements(By.cssSelector("#credit-facts tbody tr"))).hasSize(factCount(INSTITUTION1));
			assertThat(browser.driver().getPageSource()).doesNotContain(D_INSTITUTION, PENALISED);
			browser.screenshot("credit-institution");
		}
	}

	@Test
	void thePublicSeesTheGradesAndTheConfiguredMethodologyWithoutSigningIn() {
		Map<String, Integer> scores = scores();
		try (Browser browser = new Browser()) {
			browser.open(url("/public"));
			browser.waitFor(By.id("link-public-credit")).click();
			browser.open(url("/public/credit?year=" + YEAR));
			for (String code : List.of(INSTITUTION1, D_INSTITUTION, PENALISED)) {
				WebElement row = browser.waitFor(By.cssSelector("#public-credit tr[data-provider='" + code + "']"));
				assertThat(row.findElement(By.className("score")).getText()).isEqualTo(String.valueOf(scores.get(code)));
				assertThat(row.findElement(By.className("grade")).getText()).startsWith(grade(scores.get(code)));
			}
			assertThat(browser.driver().findElement(By.id("m-factor")).getText())
				.isEqualTo(environment.getProperty("fundguard.credit.draw-weight-grade-d"));
			assertThat(browser.driver().findElement(By.id("credit-points")).getText())
				.contains("-" + environment.getProperty("fundguard.credit.refused-inspection"),
						"+" + environment.getProperty("fundguard.credit.self-reported-refund"),
						"第40条", "-" + environment.getProperty("fundguard.credit.penalty-articles.40"));
			assertThat(browser.driver().findElement(By.id("credit-bounds")).getText())
				.contains("≥ " + environment.getProperty("fundguard.credit.grade-a"));
			assertThat(browser.isPresent(By.id("current-user"))).isFalse();
			browser.screenshot("credit-public");
		}
	}

	@Test
	void theApiAnswersTheBureauAndRefusesABadYearInChinese() {
		String token = KeycloakTokens.accessToken("analyst1");
		var response = Http.get(url("/api/credit?year=" + YEAR), token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"providerCode\":\"" + D_INSTITUTION + "\"", "\"grade\":\"D\"",
				"\"score\":" + scores().get(D_INSTITUTION));
		var detail = Http.get(url("/api/credit/institutions/" + INSTITUTION1 + "?year=" + YEAR), token);
		assertThat(detail.body()).contains("\"score\":" + scores().get(INSTITUTION1), "\"from\":\"A\",\"to\":\"B\"");
		var bad = Http.get(url("/api/credit?year=abc"), token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("年度");
	}

	/** The year's score per institution by the methodology's arithmetic: 100 plus the points, within [0, 100]. */
	private Map<String, Integer> scores() {
		return jdbc.sql("""
				select provider_code, greatest(0, least(100, 100 + sum(points))) from credit_fact
				where occurred_on between ? and ? group by provider_code""")
			.params(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private int factCount(String provider) {
		return jdbc.sql("select count(*) from credit_fact where provider_code = ? and occurred_on between ? and ?")
			.params(provider, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)).query(Integer.class).single();
	}

	/** The bounds of the brief (A ≥ 90, B 75–89, C 60–74, D < 60), written here, not read from the application. */
	private static String grade(int score) {
		return score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D";
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(t -> events.publishEvent(event));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.fundguard.rechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.inspections.InspectorPool;
import org.fundguard.process.TaskGateway;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A director commits and draws a year's re-checks in the workbench and signs off a problem a reviewer found on the
 * item's page; anyone then re-runs the draw on its public page
 * in the browser (the random draws' own verifier script) and on the server, and a tampered input fails.
 */
@IntegrationTest
class RecheckBrowserIT {

	@LocalServerPort
	int port;
	@Autowired JdbcClient jdbc;
	@Autowired InspectorPool pool;
	@Autowired RecheckDraws draws;
	@Autowired Rechecks rechecks;
	@Autowired TaskGateway tasks;

	@Test
	void aDirectorDrawsTheYearsRechecksAndTheBrowserReproducesTheDraw() {
		RecheckYear given = new RecheckYear(ThreadLocalRandom.current().nextInt(2001, 2021)).write(jdbc, pool);

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/");
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("link-rechecks")).click();
			WebElement year = browser.waitFor(By.cssSelector("#commit-form input[name=year]"));
			year.clear();
			year.sendKeys(Integer.toString(given.year));
			browser.driver().findElement(By.id("commit-draw")).click();
			assertThat(browser.waitFor(By.id("message")).getText()).contains("已冻结复查对象名录并公布承诺值");
			assertThat(browser.driver().findElement(By.id("draw-status")).getText()).isEqualTo("已承诺，待抽取");
			browser.driver().findElement(By.id("run-draw")).click();
			assertThat(browser.waitFor(By.id("message")).getText()).contains("抽取完成");
			String items = browser.driver().findElement(By.id("items")).getText();
			assertThat(items).contains("待复查");
			long drawId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/draws/(\\d+).*", "$1"));
			RecheckDraw draw = draws.get(drawId);
			assertThat(draw.year()).isEqualTo(given.year);

			// a reviewer records a problem through the task gateway; the director signs it off on the item's page
			RecheckItem item = rechecks.items(drawId).getFirst();
			var task = tasks.openOf(Rechecks.subject(item.id()), RecheckVariables.KEY).getFirst();
			List<String> reviewers = rechecks.reviewerUsers(item.id());
			CurrentUser reviewer = new CurrentUser(reviewers.isEmpty() ? "inspector1" : reviewers.getFirst(), "复查员",
					Set.of(Role.INSPECTOR));
			tasks.complete(task.id(), reviewer, Map.of("recheckOutcome", "FURTHER_HANDLING", "recheckNote", "发现串换项目"));
			browser.open("http://localhost:" + port + "/rechecks/items/" + item.id());
			assertThat(browser.waitFor(By.id("item-status")).getText()).isEqualTo("待局长审核");
			assertThat(browser.driver().findElement(By.id("item-outcome")).getText()).isEqualTo("发现新问题需立案查处");
			browser.driver().findElement(By.name("signOffOpinion")).sendKeys("同意立案查处");
			browser.driver().findElement(By.id("sign-off-recheck")).click();
			assertThat(browser.waitFor(By.id("message")).getText()).isEqualTo("已审核");
			assertThat(browser.driver().findElement(By.id("item-status")).getText()).isEqualTo("已完成");
			assertThat(rechecks.item(item.id()).signedOffBy()).isEqualTo("director1");

			browser.driver().findElement(By.id("sign-out")).click();
			browser.waitForUrl("http://localhost:" + port + "/public");
			browser.waitFor(By.id("link-public-rechecks")).click();
			assertThat(browser.waitFor(By.id("public-draws")).getText()).contains(draw.name() + "（已抽取，种子已公布）");
			browser.open("http://localhost:" + port + "/public/rechecks/draws/" + drawId);
			assertThat(browser.waitFor(By.id("commitment")).getText()).contains(draw.commitment());
			assertThat(browser.driver().getPageSource()).doesNotContain(RecheckYear.PERSON_ID);

			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser)).startsWith("验证通过：浏览器重新计算");
			browser.driver().findElement(By.id("verify-server")).click();
			assertThat(verdictContaining(browser, "服务器")).startsWith("验证通过（服务器）");
			browser.screenshot("recheck-verified");

			String first = given.caseNumbers.getFirst();
			((JavascriptExecutor) browser.driver()).executeScript(
					"const t = document.getElementById('inputs'); t.value = t.value.replace(arguments[0], arguments[1]);",
					"CASE-" + first + "\"", "CASE-" + first + "X\"");
			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdictContaining(browser, "失败")).startsWith("验证失败");
			assertThat(browser.driver().findElement(By.id("problems")).getText()).contains("名录快照的哈希");
		}
	}

	private static String verdict(Browser browser) {
		return verdictContaining(browser, "验证");
	}

	private static String verdictContaining(Browser browser, String text) {
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
			String t = d.findElement(By.id("verdict")).getText();
			return t.contains(text) && !t.startsWith("正在");
		});
		return browser.driver().findElement(By.id("verdict")).getText();
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17's browser test: an analyst composes a child-only rule for one item (a line of it for a person older than
 * 17 is a hit), dry-runs it, publishes it, runs it from the catalogue and follows its lead to the evidence; the
 * library's pages are read for Latin-script words as ChineseOnScreenBrowserIT reads the others.
 */
@IntegrationTest
class RuleLibraryBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;



	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@TempDir
	Path temp;

	@org.junit.jupiter.api.AfterEach
	void removeTheComposedRules() {
		ComposedRulesCleanup.remove(jdbc, events, "kid-only-");
	}

	@Test
	void anAnalystComposesAChildOnlyRuleDryRunsPublishesRunsItAndSeesItsLead() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String p = "LB" + suffix + "-";
		// a drug code of the test's own: 23 characters starting with X, as the loader checks
		String item = ("XC" + suffix + "0".repeat(23)).substring(0, 23);
		String id = "kid-only-" + suffix.toLowerCase();
		SmallExport export = new SmallExport(p).item(item, "小儿止咳糖浆").person("P1", 121, "").personBorn("P2", 122, "2010-02-03")
			.visit("S1", "P1", "H37030300012", "11", "2016-02-06", "J06.900", item, "25.00")
			.visit("S2", "P2", "H37030300012", "11", "2016-02-07", "J06.900", item, "25.00");
		loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);

		try (Browser browser = new Browser()) {
			browser.open(url("/rules/library"));
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("new-line-condition")).click();
			browser.waitFor(By.id("rule-id")).sendKeys(id);
			browser.driver().findElement(By.id("rule-name")).sendKeys("儿童专用药品用于成人");
			browser.driver().findElement(By.id("items")).sendKeys(item);
			new Select(browser.driver().findElement(By.id("cond-field-0"))).selectByValue("age_at_visit");
			new Select(browser.driver().findElement(By.id("cond-op-0"))).selectByValue("gt");
			browser.driver().findElement(By.id("cond-values-0")).sendKeys("17");
			window(browser, "2016-02-01", "2016-02-28");
			browser.driver().findElement(By.id("dry-run")).click();

			assertThat(browser.waitFor(By.id("dry-run-hits")).getText()).isEqualTo("1");
			assertThat(browser.driver().findElement(By.id("dry-run-money")).getText()).isEqualTo("25.00");
			assertThat(browser.driver().findElement(By.id("dry-run-samples")).getText()).contains(p + "S1").doesNotContain(p + "S2");
			assertChinese(browser, "compose");
			browser.driver().findElement(By.id("publish")).click();

			assertThat(browser.waitFor(By.id("versions")).getText()).contains("第 1 版");
			assertChinese(browser, "composed rule");
			browser.open(url("/rules/library"));
			assertThat(browser.waitFor(By.id("library")).getText()).contains("儿童专用药品用于成人");
			assertChinese(browser, "library");

			browser.open(url("/rules"));
			new Select(browser.waitFor(By.id("run-rule"))).selectByValue(id);
			window(browser, "2016-02-01", "2016-02-28");
			browser.driver().findElement(By.id("run-rules")).click();
			assertThat(browser.waitFor(By.id("results")).getText()).contains("儿童专用药品用于成人", "成功");
			browser.waitFor(By.cssSelector("#leads a[href^='/rules/leads/']")).click();
			assertThat(browser.waitFor(By.id("evidence")).getText()).contains(p + "S1|" + item, "就诊时年龄")
				.doesNotContain(p + "S2");
			browser.screenshot("rule-library-lead");
		}
	}

	private static void window(Browser browser, String from, String to) {
		((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('input[name=from]').value='" + from + "';"
				+ "document.querySelector('input[name=to]').value='" + to + "';");
	}

	/** No Latin-script word a reader would see, as ChineseOnScreenBrowserIT judges it. */
	private static void assertChinese(Browser browser, String page) {
		String text = (String) ((JavascriptExecutor) browser.driver()).executeScript("""
				var hidden = Array.from(document.querySelectorAll('[lang=en], [translate=no]'));
				hidden.forEach(function (e) { e.dataset.display = e.style.display; e.style.display = 'none'; });
				var text = document.body.innerText;
				hidden.forEach(function (e) { e.style.display = e.dataset.display; });
				return text;""");
		assertThat(ChineseOnScreenBrowserIT.latinWords(text)).as(page).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

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

/** An analyst runs a rule in the workbench, reads the run, the lead with its evidence, a settlement and the chart. */
@IntegrationTest
class RulesPagesBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;

	@TempDir
	Path temp;

	@Test
	void anAnalystRunsARuleAndFollowsTheLeadToTheSettlementLines() throws Exception {
		String p = "RB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 104, "")
			.visit("S1", "P1", "H37030300011", "11", "2021-09-02", "E11.900", SmallExport.DRUG, "0.90");
		loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/rules");
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("catalogue")).getText()).contains("超标准收费", "分解住院", "住院率畸高",
					"限性别项目用于其他性别", "小病大治（低标准入院）", "基金当期收不抵支");
			new Select(browser.driver().findElement(By.id("run-rule"))).selectByValue("price-over-ceiling");
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			js.executeScript("document.querySelector('input[name=from]').value='2021-09-01';"
					+ "document.querySelector('input[name=to]').value='2021-09-30';");
			browser.driver().findElement(By.id("run-rules")).click();

			assertThat(browser.waitFor(By.id("results")).getText()).contains("超标准收费", "成功");
			browser.waitFor(By.cssSelector("#leads a[href^='/rules/leads/']")).click();
			assertThat(browser.waitFor(By.id("evidence")).getText()).contains(p + "S1|" + SmallExport.DRUG, "0.4");
			browser.driver().findElement(By.linkText(p + "S1")).click();
			assertThat(browser.waitFor(By.id("lines")).getText()).contains(SmallExport.DRUG, "0.9");
			browser.open("http://localhost:" + port + "/rules/chart");
			assertThat(browser.waitFor(By.id("chart")).getText()).contains("超标准收费", "2021-09");
			browser.screenshot("rules-chart");
			// a rule whose parameter is a list of diagnosis prefixes, editable per region like the numbers
			browser.open("http://localhost:" + port + "/rules/catalogue/minor-illness-admission");
			assertThat(browser.waitFor(By.id("parameters")).getText()).contains("diag_prefixes", "J00;J06;K30;R51;M54.5");
			assertThat(browser.driver().findElement(By.cssSelector("#parameters input[name=value]")).getAttribute("size")).isEqualTo("28");
		}
	}
}

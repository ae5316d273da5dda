package org.fundguard.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An analyst opens the coverage page from the workbench: each institution's three marks and the region's counts are
 * what the test's own SQL and providers query say, the gaps are highlighted, the ECharts chart is drawn with the same
 * counts, and a bad year is refused in Chinese on the page.
 */
@IntegrationTest
class CoverageBrowserIT {

	@LocalServerPort
	int port;
	@Autowired ClaimsLoader loader;
	@Autowired JdbcClient jdbc;
	@Autowired ElasticJson elastic;
	@Autowired ClaimIndices indices;

	@TempDir
	Path temp;

	@Test
	void thePageShowsTheFiguresTheTablesHoldAndHighlightsTheGaps() throws Exception {
		CoverageYear given = new CoverageYear().write(loader, jdbc, temp.resolve("export"));
		elastic.send("POST", "/" + indices.providers() + "/_refresh", null);
		Map<String, boolean[]> expected = CoverageYear.expected(jdbc, elastic, indices.providers(), given.year);
		assertThat(expected.get(given.code(2))).containsExactly(true, true, true);

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/");
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("link-coverage")).click();
			WebElement year = browser.waitFor(By.name("year"));
			year.clear();
			year.sendKeys(Integer.toString(given.year));
			browser.driver().findElement(By.id("show-year")).click();
			browser.waitForText(given.year + " 年度三个全覆盖");

			for (var e : expected.entrySet()) {
				WebElement row = browser.driver().findElement(By.cssSelector("#institutions tr[data-code='" + e.getKey() + "']"));
				boolean[] want = e.getValue();
				assertThat(row.findElement(By.className("self")).getText()).as(e.getKey()).isEqualTo(want[0] ? "✓" : "✗");
				assertThat(row.findElement(By.className("audit")).getText()).as(e.getKey()).isEqualTo(want[1] ? "✓" : "✗");
				assertThat(row.findElement(By.className("inspected")).getText()).as(e.getKey()).isEqualTo(want[2] ? "✓" : "✗");
				boolean full = want[0] && want[1] && want[2];
				assertThat(row.getAttribute("class").contains("gap")).as(e.getKey()).isEqualTo(!full);
			}
			assertThat(browser.driver().findElement(By.cssSelector("tr[data-code='" + given.code(5) + "'] .gaps")).getText())
				.isEqualTo("自查自纠、日常稽核、抽查");

			List<WebElement> cells = browser.driver()
				.findElements(By.cssSelector("#regions tr[data-region='" + CoverageYear.REGION + "'] td"));
			int institutions = expected.size();
			int self = (int) expected.values().stream().filter(v -> v[0]).count();
			int audit = (int) expected.values().stream().filter(v -> v[1]).count();
			int inspected = (int) expected.values().stream().filter(v -> v[2]).count();
			int full = (int) expected.values().stream().filter(v -> v[0] && v[1] && v[2]).count();
			assertThat(cells).extracting(WebElement::getText)
				.containsExactly(CoverageYear.REGION, "" + institutions, "" + self, "" + audit, "" + inspected, "" + full,
						"" + (institutions - full));

			// the chart is ECharts' own, with the region's bars at the same figures
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until(d -> ((JavascriptExecutor) d).executeScript("return window.__coverageChart != null"));
			Object chart = ((JavascriptExecutor) browser.driver()).executeScript("""
					const o = window.__coverageChart.getOption();
					const i = o.xAxis[0].data.indexOf(arguments[0]);
					return o.series.map(s => s.data[i]).join(',');""", CoverageYear.REGION);
			assertThat(chart).isEqualTo(institutions + "," + self + "," + audit + "," + inspected + "," + full);
			assertThat(browser.isPresent(By.cssSelector("#coverage-chart canvas"))).isTrue();
			browser.screenshot("coverage");

			browser.open("http://localhost:" + port + "/coverage?year=20x5");
			assertThat(browser.waitFor(By.id("problem")).getText()).contains("年度“20x5”无效");
		}
	}
}

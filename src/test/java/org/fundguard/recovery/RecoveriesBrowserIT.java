package org.fundguard.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.selfinspections.SelfInspectionRefunded;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/** A director opens the recoveries page in Chromium: ECharts draws the months, filters narrow the rows. */
@IntegrationTest
class RecoveriesBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aDirectorSeesTheMonthlyChartAndFiltersByInstitution() {
		String provider = "HRECB" + System.nanoTime() % 1_000_000_000L;
		events.publishEvent(new SignalConfirmed(provider + "-1", "lead-b", provider, "R-REC-B", "R-REC-B|" + provider,
				new BigDecimal("1200.00"), "重复收费", LocalDate.of(2026, 9, 15), SignalConfirmed.How.APPEAL_REJECTED));
		events.publishEvent(new SelfInspectionRefunded(provider + "-r", "si-b", provider, "R-REC-B", new BigDecimal("300.50"),
				"多收床位费", LocalDate.of(2026, 11, 2)));

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/recoveries?provider=" + provider);
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);

			assertThat(browser.waitFor(By.id("recovery-total")).getText()).isEqualTo("¥1,500.50");
			browser.waitFor(By.cssSelector("#recoveries-chart canvas"));
			Object bars = ((JavascriptExecutor) browser.driver()).executeScript(
					"return echarts.getInstanceByDom(document.getElementById('recoveries-chart')).getOption().series[0].data;");
			assertThat(bars.toString()).as("September, an empty October, November").isEqualTo("[1200, 0, 300.5]");
			assertThat(browser.driver().findElement(By.id("recovery-months")).getText()).contains("2026-09", "2026-10",
					"2026-11", "¥300.50");
			assertThat(browser.driver().findElement(By.id("recovery-entries")).getText()).contains("疑点确认",
					"自查自纠主动退回", "重复收费（申诉不成立）");
			browser.screenshot("recoveries");

			browser.open("http://localhost:" + port + "/recoveries?provider=" + provider + "&source=SELF_REPORT");
			assertThat(browser.waitFor(By.id("recovery-total")).getText()).isEqualTo("¥300.50");
		}
	}

	/**
	 * institution1 on a phone-sized window sees its own recovery and not another institution's.
	 */
	@Test
	void anInstitutionSeesItsOwnRecoveriesOnAPhone() throws Exception {
		String own;
		try {
			own = providerCode(org.fundguard.support.KeycloakTokens.accessToken("institution1"));
		}
		catch (IllegalStateException e) {
			org.junit.jupiter.api.Assumptions.abort("institution1 is not in the running Keycloak yet: " + e.getMessage());
			return;
		}
		String key = own + "-phone-" + System.nanoTime();
		String other = "HRECX" + System.nanoTime() % 1_000_000_000L;
		events.publishEvent(new SignalConfirmed(key, "lead-p", own, "R-REC-P", "R-REC-P|" + own, new BigDecimal("88.80"),
				"超标准收费", LocalDate.of(2026, 11, 5), SignalConfirmed.How.ACCEPTED));
		events.publishEvent(new SignalConfirmed(other + "-1", "lead-x", other, "R-REC-P", "R-REC-P|" + other,
				new BigDecimal("77.70"), "别家的疑点", LocalDate.of(2026, 11, 5), SignalConfirmed.How.ACCEPTED));

		try (Browser browser = new Browser()) {
			browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			browser.open("http://localhost:" + port + "/institution/recoveries?from=2026-11-01&to=2026-11-30");
			browser.signInAtKeycloak("institution1", DemoUsers.PASSWORD);

			String rows = browser.waitFor(By.id("recovery-entries")).getText();
			assertThat(rows).contains("超标准收费（机构确认）", "¥88.80").doesNotContain("别家的疑点", "¥77.70");
			assertThat(browser.driver().findElement(By.id("recovery-months")).getText()).contains("2026-11");
			Object pageWidth = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
			assertThat(pageWidth).as("the page fits the phone's width; wide tables scroll inside their card").isEqualTo(true);
			browser.screenshot("institution-recoveries-phone");
		}
	}

	private static String providerCode(String jwt) throws Exception {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		var value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("provider_code");
		return value.isArray() ? value.path(0).asText() : value.asText();
	}
}

package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reporter on a phone-sized screen reports anonymously with a photo, keeps the receipt code, comes back with it,
 * reads the handler's question and answers it; the handler reads the answer on the report page and decides, and
 * the reporter sees the decision. Real Chromium, real Keycloak for the handler.
 */
@IntegrationTest
class PortalBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Reports reports;

	@Autowired
	ReportProcessStarter starter;

	@Test
	void anAnonymousReporterSubmitsWithAPhotoReturnsWithTheCodeAndAnswersTheHandlersQuestion() throws Exception {
		Path photo = Files.createTempDirectory("fundguard-photo").resolve("IMG_20261101_093000.jpg");
		Files.write(photo, ImageMetadataTest.withJpegMetadata(ImageMetadataTest.jpeg()));
		String code;
		String number;
		try (Browser reporter = new Browser()) {
			reporter.driver().manage().window().setSize(new Dimension(390, 844));
			reporter.open(url("/portal"));
			reporter.waitFor(By.id("start-report")).click();

			reporter.waitFor(By.id("subject-OTHER_INSTITUTION")).click();
			reporter.waitFor(By.id("subject-name")).sendKeys("淄博某某社区诊所");
			new Select(reporter.driver().findElement(By.id("category"))).selectByValue("FAKE_TREATMENT");
			reporter.driver().findElement(By.id("description"))
				.sendKeys("诊所为没有就诊的老人开具门诊处方并刷医保卡结算，药品没有发放。");
			reporter.driver().findElement(By.id("happened")).sendKeys("2026 年 11 月初");
			reporter.driver().findElement(By.id("evidence")).sendKeys(photo.toString());
			assertThat(reporter.driver().findElement(By.id("mode-anonymous")).isSelected()).isTrue();
			assertThat(reporter.driver().findElement(By.id("full-name")).isDisplayed())
				.as("real-name fields stay hidden for an anonymous report").isFalse();
			reporter.driver().findElement(By.id("consent")).click();
			assertThat(fitsTheScreen(reporter)).as("no sideways scrolling on a phone").isTrue();
			reporter.screenshot("portal-report-form-phone");
			reporter.driver().findElement(By.id("submit-report")).click();

			code = reporter.waitFor(By.id("receipt-code")).getText();
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
			reporter.screenshot("portal-receipt-phone");

			Report stored = reports.findByCode(code).orElseThrow();
			number = stored.number();
			assertThat(stored.anonymous()).isTrue();
			var evidence = reports.evidence(stored.id());
			assertThat(evidence).singleElement().satisfies(e -> assertThat(e.fileName()).isEqualTo("证据1.jpg"));
			byte[] kept = reports.evidenceContent(stored.id(), evidence.getFirst().id()).orElseThrow();
			assertThat(ImageMetadataTest.contains(kept, "SN-4711")).as("EXIF stripped").isFalse();
			starter.startPending();

			var asked = askAsHandler(number, "请问您是在哪一天看到诊所这样结算的？");
			assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
			var empty = askAsHandler(number, " ");
			assertThat(empty.statusCode()).isEqualTo(400);
			assertThat(empty.body()).contains("\"key\":\"reports.message.empty\"", "\"detail\":\"留言内容不能为空\"");

			reporter.open(url("/portal/status"));
			reporter.waitFor(By.id("code")).sendKeys(code.toLowerCase().replace("-", " "));
			reporter.driver().findElement(By.id("enter-code")).click();
			assertThat(reporter.waitFor(By.id("report-status")).getText()).isEqualTo("待受理审查");
			reporter.waitForText("请问您是在哪一天看到诊所这样结算的？");
			reporter.driver().findElement(By.id("reply")).sendKeys("11 月 3 日上午，我陪家人去拿药时看到的。");
			reporter.driver().findElement(By.id("send-reply")).click();
			reporter.waitForText("11 月 3 日上午，我陪家人去拿药时看到的。");
			assertThat(reporter.driver().getPageSource()).doesNotContain(number).doesNotContain("handler1");
			reporter.screenshot("portal-status-phone");

			try (Browser handler = new Browser()) {
				handler.open(url("/reports/" + number));
				handler.signInAtKeycloak("handler1", DemoUsers.PASSWORD);
				assertThat(handler.waitFor(By.id("report-number")).getText()).isEqualTo(number);
				handler.waitForText("11 月 3 日上午，我陪家人去拿药时看到的。");
				assertThat(handler.isPresent(By.id("identity"))).as("anonymous: no identity section").isFalse();
				assertThat(handler.driver().findElement(By.id("evidence")).getText()).contains("证据1.jpg");
				handler.driver().findElement(By.cssSelector("#form-acceptance input[value=DECLINE]")).click();
				handler.driver().findElement(By.id("decline-reason")).sendKeys("所述诊所不在本市，已告知其属地医保部门。");
				handler.screenshot("reports-detail-handler1");
				handler.driver().findElement(By.id("decide")).click();
				// the status of the page being left still reads 待受理审查 until the answer arrives
				handler.waitForTextOf(By.id("report-status"), "不予受理");
				handler.open(url("/reports"));
				assertThat(handler.waitFor(By.id("reports")).getText()).contains(number);
			}

			reporter.open(url("/portal/status/view"));
			assertThat(reporter.waitFor(By.id("report-status")).getText()).isEqualTo("不予受理");
			assertThat(reporter.driver().findElement(By.id("decline-reason")).getText())
				.isEqualTo("所述诊所不在本市，已告知其属地医保部门。");
		}
	}

	private static boolean fitsTheScreen(Browser browser) {
		Object fits = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
		return Boolean.TRUE.equals(fits);
	}

	private HttpResponse<String> askAsHandler(String number, String question) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url("/api/reports/" + number + "/messages")))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken("handler1"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + question + "\"}"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

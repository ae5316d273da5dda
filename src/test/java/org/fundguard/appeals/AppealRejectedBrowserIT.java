package org.fundguard.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.rules.Signal;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The institutions' loop end to end in Chromium, against the real Keycloak: institution1 signs in, appeals a signal
 * issued to it with a PDF; an inspector (not the analyst who issued it) rejects the appeal; the recovery then shows
 * on the bureau's ledger and on the institution's own recoveries page, and not on the other institution's.
 */
@IntegrationTest
class AppealRejectedBrowserIT {

	static final String INSTITUTION1 = "H37030200002";

	@LocalServerPort int port;
	@Autowired SignalIssuing issuing;
	@Autowired SignalReview review;

	@TempDir Path dir;

	@Test
	void anInstitutionAppealsWithAPdfTheReviewerRejectsAndBothSidesSeeTheRecovery() throws Exception {
		String leadId = UUID.randomUUID().toString();
		String subject = "BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
		Signal signal = new Signal("price-over-ceiling", subject, "2026-10-01", "2026-10-31", new BigDecimal("1234.56"),
				"单价超过限价", List.of(subject + ":1"), List.of(subject));
		issuing.issue(leadId, INSTITUTION1, List.of(signal), new CurrentUser("analyst1", "陈静", Set.of(Role.ANALYST)));
		IssuedSignal issued = review.ofLead(leadId).getFirst();
		Path pdf = aPdf();

		try (Browser browser = new Browser()) {
			browser.open(url("/institution/signals"));
			browser.signInAtKeycloak("institution1", DemoUsers.PASSWORD);
			browser.waitFor(By.cssSelector("#signal-" + issued.id() + " h2 a")).click();
			assertThat(browser.waitFor(By.id("state")).getText()).isEqualTo("待答复");
			browser.driver().findElement(By.id("explanation")).sendKeys("该项目按物价部门批复的价格收费，附批复文件");
			browser.driver().findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
			browser.driver().findElement(By.id("appeal")).click();
			browser.waitForText("申诉已提交");
			browser.open(url("/institution/signals/" + issued.id()));
			assertThat(browser.waitFor(By.id("state")).getText()).isEqualTo("申诉复核中");
			assertThat(browser.driver().findElement(By.cssSelector("a.doc")).getText()).isEqualTo("价格批复.pdf");
			browser.screenshot("institution-appeal-with-pdf");
		}
		assertThat(review.get(issued.id()).state()).isEqualTo(SignalState.APPEALED);

		try (Browser browser = new Browser()) {
			browser.open(url("/appeals/signals/" + issued.id()));
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("explanation")).getText()).contains("物价部门批复");
			assertThat(browser.driver().findElement(By.id("documents")).getText()).contains("价格批复.pdf");
			browser.waitFor(By.id("field-appealOutcome-REJECT")).click();
			browser.driver().findElement(By.id("field-decisionReason")).sendKeys("批复文件的适用期已过，申诉不成立");
			browser.driver().findElement(By.id("complete-task")).click();
			browser.waitForText("申诉不成立");
			browser.screenshot("reviewer-rejects-appeal");

			browser.open(url("/recoveries?provider=" + INSTITUTION1));
			assertThat(browser.waitFor(By.id("recovery-entries")).getText()).contains("1,234.56");
		}
		assertThat(review.get(issued.id()).state()).isEqualTo(SignalState.REJECTED);

		try (Browser browser = new Browser()) {
			browser.open(url("/institution/recoveries"));
			browser.signInAtKeycloak("institution1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("recovery-entries")).getText()).contains("1,234.56");
			browser.screenshot("institution-sees-its-recovery");
		}
		try (Browser browser = new Browser()) {
			browser.open(url("/institution/recoveries"));
			browser.signInAtKeycloak("institution2", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("recovery-total")).getText()).isNotEmpty();
			assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("1,234.56");
		}
	}

	private Path aPdf() throws Exception {
		Path pdf = dir.resolve("价格批复.pdf");
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			doc.save(pdf.toFile());
		}
		assertThat(Files.size(pdf)).isPositive();
		return pdf;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

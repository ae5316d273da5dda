package org.fundguard.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
 * institution1 signs in, sees the signal issued to it with its working days left and appeals it with a PDF on its
 * phone-friendly page; inspector1 opens the appeal, sees the explanation and the document, and rejects it with a
 * reason; the institution then sees the decision, and the recovery shows on the bureau's ledger and on the
 * institution's own recoveries page, never on another institution's.
 */
@IntegrationTest
class AppealBrowserIT {

	@LocalServerPort int port;
	@Autowired SignalIssuing issuing;
	@Autowired SignalReview review;

	@TempDir Path temp;

	@Test
	void anInstitutionAppealsWithAPdfAndAReviewerRejectsIt() throws Exception {
		String subject = "BR-" + UUID.randomUUID();
		String leadId = UUID.randomUUID().toString();
		issuing.issue(leadId, "H37030200002", List.of(new Signal("price-over-ceiling", subject, "2026-10-01", "2026-10-31",
				new BigDecimal("256.00"), "单价超过限价", List.of(subject + ":1"), List.of(subject))),
				new CurrentUser("analyst1", "分析员", Set.of(Role.ANALYST)));
		IssuedSignal s = review.ofLead(leadId).getFirst();
		Path pdf = Files.writeString(temp.resolve("备案证明.pdf"), "%PDF-1.4\n备案证明\n%%EOF");

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/institution/signals");
			browser.signInAtKeycloak("institution1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("signal-" + s.id())).getText()).contains("256.00").contains("待答复")
				.contains("个工作日");
			browser.driver().findElement(By.cssSelector("#signal-" + s.id() + " h2 a")).click();
			browser.waitFor(By.id("explanation")).sendKeys("该项目已按规定备案，可超限价收费");
			browser.driver().findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
			browser.driver().findElement(By.id("appeal")).click();
			assertThat(browser.waitFor(By.id("message")).getText()).contains("申诉已提交");
		}
		assertThat(review.get(s.id()).state()).isEqualTo(SignalState.APPEALED);
		assertThat(review.get(s.id()).documentIds()).hasSize(1);

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/appeals/signals/" + s.id());
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("explanation")).getText()).isEqualTo("该项目已按规定备案，可超限价收费");
			assertThat(browser.driver().findElement(By.id("documents")).getText()).contains("备案证明.pdf");
			browser.driver().findElement(By.id("field-appealOutcome-REJECT")).click();
			browser.driver().findElement(By.id("field-decisionReason")).sendKeys("备案范围不含该项目");
			browser.driver().findElement(By.id("complete-task")).click();
			assertThat(browser.waitFor(By.id("state")).getText()).isEqualTo("申诉不成立，疑点确认");
			assertThat(browser.driver().findElement(By.id("decision-reason")).getText()).isEqualTo("备案范围不含该项目");

			browser.open("http://localhost:" + port + "/recoveries?provider=H37030200002");
			assertThat(browser.waitFor(By.id("recovery-entries")).getText()).as("the bureau's ledger books the confirmed signal")
				.contains("256.00");
		}

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/institution/signals/" + s.id());
			browser.signInAtKeycloak("institution1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("state")).getText()).isEqualTo("申诉不成立，疑点确认");
			assertThat(browser.driver().findElement(By.id("decision-reason")).getText()).isEqualTo("备案范围不含该项目");

			browser.open("http://localhost:" + port + "/institution/recoveries");
			assertThat(browser.waitFor(By.id("recovery-entries")).getText()).as("and the institution sees it as its own")
				.contains("256.00");
			browser.screenshot("institution-sees-its-recovery");
		}

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/institution/recoveries");
			browser.signInAtKeycloak("institution2", DemoUsers.PASSWORD);
			browser.waitFor(By.id("recovery-total"));
			assertThat(browser.driver().findElement(By.tagName("body")).getText()).as("never another institution's")
				.doesNotContain("256.00").doesNotContain("备案范围不含该项目");
		}
	}
}

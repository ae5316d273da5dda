package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.process.TaskGateway;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * reviewer1 signs in, finds the review task in the workbench, works the checklist and approves; once the director
 * has deliberated, decided and published, anyone can read the decision on the public page without signing in.
 */
@IntegrationTest
class PenaltyReviewBrowserIT {

	@LocalServerPort int port;
	@Autowired AuditCases cases;
	@Autowired Penalties penalties;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired TaskGateway gateway;

	@Test
	void aLegalReviewerApprovesInTheWorkbenchAndThePublicPageShowsTheDecision() {
		String hospital = "淄博市浏览器测试医院" + UUID.randomUUID().toString().substring(0, 4);
		PenaltyDriver d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
		d.handOver(SubjectType.INSTITUTION, hospital, "20000", Intent.FRAUD, "40").fileAndPropose("").serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "无异议", "hearingRequested", false, "factors", "");
		String reviewId = d.task("Task_ReviewPenalty").getId();

		try (Browser browser = new Browser()) {
			browser.open(url("/penalties"));
			browser.signInAtKeycloak("reviewer1", DemoUsers.PASSWORD);
			browser.waitFor(By.cssSelector("#penalty-tasks a[href$='" + reviewId + "']")).click();
			assertThat(browser.waitFor(By.id("task-name")).getText()).isEqualTo("法制审核");
			assertThat(browser.driver().findElement(By.id("computation")).getText()).contains("第40条", "3.5 倍", "¥70,000.00");
			browser.driver().findElement(By.id("claim")).click();
			assertThat(browser.waitFor(By.id("assignee")).getText()).as("the name, not the username")
				.isEqualTo(DemoUsers.named("reviewer1").displayName());

			for (WebElement box : browser.driver().findElements(By.cssSelector("#checklist input[type=checkbox]"))) {
				box.click();
			}
			browser.driver().findElement(By.id("outcome-approve")).click();
			browser.driver().findElement(By.id("review-opinion")).sendKeys("事实清楚，证据充分，程序合法，裁量适当，同意");
			browser.screenshot("penalty-review-checklist");
			browser.driver().findElement(By.id("complete")).click();

			assertThat(browser.waitFor(By.id("review-rounds")).getText())
				.contains(DemoUsers.named("reviewer1").displayName(), "通过", "同意").doesNotContain("reviewer1");
		}

		assertThat(d.task("Task_Deliberate")).as("approved: on to collective deliberation").isNotNull();
		d.complete("Task_Deliberate", "director1", "deliberationConclusion", "局长办公会讨论同意")
			.complete("Task_MakeDecision", "director1", "decisionNote", "同意")
			.complete("Task_PublishDecision", "director1", "publishConfirmed", true);
		String number = d.penalty().decision().number();

		try (Browser browser = new Browser()) {
			browser.open(url("/public/penalties?institution=" + java.net.URLEncoder.encode(hospital, java.nio.charset.StandardCharsets.UTF_8)));
			String table = browser.waitFor(By.id("decisions")).getText();
			assertThat(table).contains(number, hospital, "第40条", "¥70,000.00");
			browser.driver().findElement(By.linkText(number)).click();
			assertThat(browser.waitFor(By.id("published-decision")).getText()).contains(hospital, "暂停");
			browser.screenshot("public-penalty-decision");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

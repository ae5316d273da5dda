package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.fundguard.documents.Sha256;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An inspector signs in through Keycloak, claims the desk review of a case assigned to him, then the findings, records
 * a violation with the inspection record uploaded, and the case moves on to the director's outcome decision; the
 * timeline shows the findings with the document's hash. A case he may not see, or that does not exist, is refused
 * with the reason.
 */
@IntegrationTest
class AuditCaseBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	TaskService tasks;

	@TempDir
	Path temp;

	@Test
	void anInspectorClaimsHisTasksRecordsFindingsWithADocumentAndTheTimelineShowsIt() throws Exception {
		fixtures.demoInspectors(List.of());
		AuditCase c = fixtures.open(CaseFixtures.uniqueProvider("370303"), "浏览器测试医院", "370303");
		fixtures.fileAndAssign(c, "inspector1,inspector2", false);
		AuditCase elsewhere = fixtures.open(CaseFixtures.uniqueProvider("370302"), "浏览器测试淄川医院", "370302");
		byte[] record = "现场检查笔录：2026年11月，查阅住院病历 12 份，发现重复收费。".getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(temp.resolve("检查笔录.txt"), record);

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/");
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			By row = By.xpath("//section[@id='my-tasks']//tr[td[normalize-space(.)='" + c.number() + "']]");
			assertThat(browser.waitFor(row).getText()).contains("书面审查证据", "待认领", "个工作日");
			browser.screenshot("cases-1-task-list");
			browser.driver().findElement(row).findElement(By.cssSelector("button.claim")).click();
			browser.waitForText("已认领任务");
			// the task's name leads to the page that works it: the case's page
			browser.driver().findElement(row).findElement(By.linkText("书面审查证据")).click();

			browser.waitFor(By.id("field-deskReviewSummary")).sendKeys("结算明细显示同一项目重复计费。");
			browser.driver().findElement(By.id("complete-task")).click();
			browser.waitForText("任务已办理");

			browser.driver().findElement(By.cssSelector("button.claim[data-task='Task_RecordFindings']")).click();
			browser.waitFor(By.id("field-violationFound")).click();
			browser.driver().findElement(By.id("field-amountToRecover")).sendKeys("800.50");
			browser.driver().findElement(By.id("field-articles")).sendKeys("38");
			new Select(browser.driver().findElement(By.id("field-intent"))).selectByValue("IRREGULAR_USE");
			browser.driver().findElement(By.id("field-findingsSummary")).sendKeys("重复收费 800.50 元。");
			browser.driver().findElement(By.id("task-files")).sendKeys(file.toAbsolutePath().toString());
			browser.screenshot("cases-2-findings-form");
			browser.driver().findElement(By.id("complete-task")).click();
			browser.waitForText("任务已办理");

			assertThat(browser.waitFor(By.id("case-status")).getText()).isEqualTo("已认定");
			String timeline = browser.driver().findElement(By.id("timeline")).getText();
			assertThat(timeline).contains("认定违规", "第 38 条", "应追回 800.50 元", "张伟", "书面审查", Sha256.hex(record),
					"哈希链完整");
			assertThat(browser.driver().findElement(By.id("documents")).getText()).contains("检查笔录.txt");
			// beside the 64-character hash column, who and when stay on one line (they had wrapped a character a line)
			Object wrapped = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
					return Array.from(document.querySelectorAll('#timeline-table td.actor, #timeline-table td.when'))
					  .filter(function (td) { var r = document.createRange(); r.selectNodeContents(td);
					    return r.getClientRects().length > 1; })
					  .map(function (td) { return td.textContent; });""");
			assertThat((List<?>) wrapped).as("cells of the record that wrap").isEmpty();
			assertThat(browser.driver().findElement(By.id("tasks")).getText()).contains("作出处理决定");
			browser.screenshot("cases-3-case-moved-on");

			// a case of another region, and one that does not exist: refused with the reason, not the case
			browser.open("http://localhost:" + port + "/cases/" + elsewhere.number());
			assertThat(browser.waitFor(By.id("refusal")).getText()).isEqualTo("无权查看案件 " + elsewhere.number());
			browser.open("http://localhost:" + port + "/cases/370300-1999-999999");
			assertThat(browser.waitFor(By.id("refusal")).getText()).isEqualTo("案件不存在：370300-1999-999999");
		}
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.number()).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_DecideOutcome");
	}
}

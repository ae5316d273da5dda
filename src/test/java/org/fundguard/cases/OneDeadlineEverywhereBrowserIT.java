package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.calendar.BureauTime;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One running case's filing deadline, read wherever a user meets it: the director's workbench, the case's deadlines
 * and its task line, Camunda Tasklist and the API. It ends at midnight in Beijing, on a machine and in a browser kept
 * in UTC, and reads the same everywhere: the last day at 24:00 (calendar.BureauTime), the API's instant at +08:00.
 */
@IntegrationTest
class OneDeadlineEverywhereBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	TaskService tasks;

	@Autowired
	BureauTime time;

	@Test
	void aCasesFilingDeadlineReadsTheSameOnEveryPageInTasklistAndInTheApi() throws Exception {
		fixtures.demoInspectors(List.of());
		AuditCase c = fixtures.open(CaseFixtures.uniqueProvider("370303"), "期限一致性测试医院", "370303");
		Task filing = fixtures.task(c, "Task_DecideWhetherToFile");
		String deadline = time.format(filing.getDueDate());
		assertThat(deadline).as("the filing deadline ends at midnight in Beijing").matches("\\d{4}-\\d\\d-\\d\\d 24:00");

		JsonNode mine = new ObjectMapper().readTree(
				Http.get(url("/api/tasks/mine"), KeycloakTokens.accessToken("director1")).body());
		JsonNode apiTask = null;
		for (JsonNode t : mine) {
			if (t.path("id").asText().equals(filing.getId())) {
				apiTask = t;
			}
		}
		assertThat(apiTask).as("the director's task in the API").isNotNull();
		String apiDue = apiTask.path("due").asText();
		assertThat(apiDue).as("ISO 8601 with the bureau's offset").endsWith("+08:00").contains("T00:00:00");
		assertThat(time.format(apiDue)).isEqualTo(deadline);

		try (Browser browser = new Browser()) {
			browser.open(url("/"));
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);
			WebElement row = browser.waitFor(By.cssSelector("#my-tasks tr[data-task='" + filing.getId() + "']"));
			assertThat(row.getText()).as("workbench").contains(deadline);

			browser.open(url("/cases/" + c.number()));
			assertThat(browser.waitFor(By.id("deadlines")).getText()).as("the case's deadlines").contains(deadline + " 前");
			assertThat(browser.driver().findElement(By.id("tasks")).getText()).as("the case's task line")
				.contains("立案审查", "（期限 " + deadline + "）");

			browser.open(url("/camunda/app/tasklist/default/#/?task=" + filing.getId()));
			By due = By.cssSelector("[cam-tasklist-task-meta] .due-date [am-time-ago]");
			String tooltip = new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d -> {
				var found = d.findElements(due);
				String text = found.isEmpty() ? null : found.getFirst().getDomAttribute("uib-tooltip");
				return text != null && text.matches("\\d{4}.*") ? text : null;
			});
			browser.screenshot("deadline-tasklist");
			assertThat(tooltip).as("Camunda Tasklist, in a browser whose zone is UTC").startsWith(deadline);
			assertThat(browser.driver().findElement(By.id("footer-timezone")).getText()).as("Tasklist names the zone")
				.contains("北京时间");

			// Cockpit, the director's other Camunda webapp: in Chinese and in Beijing time as well
			browser.open(url("/camunda/app/cockpit/"));
			browser.waitForText("时间均为北京时间");
			browser.screenshot("deadline-cockpit");
			assertThat(browser.waitFor(By.id("footer-timezone")).getText()).contains("北京时间");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.calendar.BureauTime;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.process.TaskGateway;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A penalty procedure's decision deadline (90 days from filing, ending at midnight in Beijing), where the issue saw it
 * read three ways: the inspector's workbench, /penalties (task and case tables), the penalty's page, the case's task
 * line and the API all show its last day at 24:00, the API the instant at +08:00.
 */
@IntegrationTest
class PenaltyDeadlineEverywhereBrowserIT {

	@LocalServerPort int port;
	@Autowired AuditCases cases;
	@Autowired Penalties penalties;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired TaskGateway gateway;
	@Autowired BureauTime time;

	@Test
	void theDecisionDeadlineReadsTheSameOnEveryPageAndInTheApi() throws Exception {
		PenaltyDriver d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
		d.handOver(SubjectType.INSTITUTION, "期限一致性处罚医院" + UUID.randomUUID().toString().substring(0, 4), "10000",
				Intent.IRREGULAR_USE, "38")
			.complete("Task_ApproveFiling", "director1", "filingApproved", true, "filingOpinion", "同意立案");
		Task investigate = d.task("Task_Investigate");
		String deadline = time.format(d.penalty().decisionDeadline());
		assertThat(deadline).matches("\\d{4}-\\d\\d-\\d\\d 24:00");
		assertThat(time.format(investigate.getDueDate())).as("the task is due with the procedure").isEqualTo(deadline);

		JsonNode detail = new ObjectMapper().readTree(
				Http.get(url("/api/penalties/" + d.penaltyId), KeycloakTokens.accessToken("director1")).body());
		String apiDeadline = detail.findValue("decisionDeadline").asText();
		assertThat(apiDeadline).as("ISO 8601 with the bureau's offset").endsWith("+08:00");
		assertThat(time.format(apiDeadline)).isEqualTo(deadline);

		try (Browser browser = new Browser()) {
			browser.open(url("/"));
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.cssSelector("#my-tasks tr[data-task='" + investigate.getId() + "']")).getText())
				.as("workbench").contains(deadline);

			browser.open(url("/penalties"));
			String taskRow = browser.waitFor(By.xpath("//section[@id='penalty-tasks']//tr[td[normalize-space(.)='"
					+ d.caseNumber + "']]")).getText();
			assertThat(taskRow).as("/penalties task table").contains(deadline);
			assertThat(browser.driver().findElement(By.xpath("//table[@id='penalty-list']//tr[td/a[normalize-space(.)='"
					+ d.caseNumber + "']]")).getText()).as("/penalties case table").contains(deadline);

			browser.open(url("/penalties/" + d.penaltyId));
			assertThat(browser.waitFor(By.tagName("main")).getText()).as("the penalty's page").contains("办案期限", deadline);
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

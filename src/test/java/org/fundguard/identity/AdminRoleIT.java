package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator administers and reads no work: Camunda Admin opens (users, roles, authorizations, read only), the
 * engine REST API shows identities but no task, and neither Tasklist nor Cockpit opens (docs/roles.md).
 */
@IntegrationTest
class AdminRoleIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Test
	void theEngineRestApiShowsTheAdministratorIdentitiesButNoTaskAndLetsHimGrantNothing() throws Exception {
		var deployment = repository.createDeployment().addClasspathResource("it/candidate-group-task.bpmn")
			.name("admin role test").deploy();
		try {
			runtime.startProcessInstanceByKey("Process_BrowserTestInspectorTask");
			assertThat(tasks.createTaskQuery().count()).as("an inspector has an open task").isPositive();
			String admin = KeycloakTokens.accessToken("admin1");

			JsonNode taskList = JSON.readTree(Http.get(url("/engine-rest/task"), admin).body());
			assertThat(taskList.isArray() && taskList.isEmpty()).as("no work task is the administrator's to read").isTrue();
			JsonNode groups = JSON.readTree(Http.get(url("/engine-rest/group"), admin).body());
			assertThat(groups.findValuesAsText("id")).contains("inspector", "legal-reviewer", "director", "admin");
			JsonNode grants = JSON.readTree(Http.get(url("/engine-rest/authorization"), admin).body());
			assertThat(grants.size()).as("the authorizations are readable").isPositive();

			var create = Http.post(url("/engine-rest/authorization/create"), admin,
					"{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"admin1\",\"resourceType\":7,\"resourceId\":\"*\"}");
			assertThat(create.statusCode()).as("he may not grant himself the tasks: %s", create.body()).isEqualTo(403);
		}
		finally {
			repository.deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void camundaAdminOpensForTheAdministratorAndShowsTheBureausRoles() {
		try (Browser browser = new Browser()) {
			browser.open(url("/camunda/app/admin/default/#/groups"));
			browser.signInAtKeycloak("admin1", DemoUsers.PASSWORD);
			browser.waitForText("赵磊");
			// the sign-in's redirects drop the page's fragment
			browser.open(url("/camunda/app/admin/default/#/groups"));

			browser.waitForText("法制审核员");
			browser.waitForText("举报受理员");
			browser.screenshot("camunda-admin-admin1");

			browser.open(url("/camunda/app/tasklist/"));
			browser.waitForText("无权访问");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

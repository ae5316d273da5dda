package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.DemoUsers.DemoUser;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real browser signs in through the real Keycloak login page, as each demo user. */
@IntegrationTest
class BrowserSignInIT {

	/** The administrator reads no work task and no process instance's data (docs/roles.md). */
	private static final Set<String> TASKLIST_ROLES = Set.of("inspector", "legal-reviewer", "director", "report-handler");
	private static final Set<String> COCKPIT_ROLES = Set.of("director");
	private static final Set<String> RULE_READERS = Set.of("analyst", "director", "admin");

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	/** The bureau's staff; the institutions' users land elsewhere (below). */
	static List<DemoUser> demoUsers() {
		return DemoUsers.staff();
	}

	static List<DemoUser> institutionUsers() {
		return DemoUsers.institutions();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("institutionUsers")
	void anInstitutionUserLandsOnItsOwnHomeIsRefusedTheBureausPagesAndIsInItsOwnGroupOnly(DemoUser user) {
		try (Browser browser = new Browser()) {
			browser.open(url("/"));
			browser.signInAtKeycloak(user.username(), DemoUsers.PASSWORD);

			browser.waitForUrl(url("/institution"));
			assertThat(browser.waitFor(By.id("display-name")).getText()).isEqualTo(user.displayName());
			assertThat(browser.driver().findElement(By.id("provider-code")).getText()).isEqualTo(user.providerCode());
			assertThat(browser.isPresent(By.id("link-signals"))).isTrue();
			assertThat(browser.isPresent(By.id("link-tasklist"))).isTrue();
			assertThat(browser.isPresent(By.id("link-cases"))).isFalse();
			assertThat(browser.isPresent(By.id("link-cockpit"))).isFalse();
			browser.screenshot("institution-home-" + user.username());

			assertThat(identity.createGroupQuery().groupMember(user.username()).list()).map(Group::getId)
				.as("its own institution's Camunda group, never one group for all institutions")
				.containsExactly("institution-" + user.providerCode());

			for (String bureauPage : List.of("/", "/cases", "/rules", "/camunda/app/cockpit/")) {
				browser.open(url(bureauPage));
				browser.waitForText("无权访问");
			}
			browser.open(url("/camunda/app/tasklist/"));
			browser.waitForText("全部任务");
			assertThat(browser.isPresent(By.cssSelector("input[name=username]")))
				.as("Tasklist opens for the institution without a second password").isFalse();
			browser.screenshot("institution-tasklist-" + user.username());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("demoUsers")
	void eachDemoUserSignsInThroughKeycloakSeesTheRightWorkbenchAndSignsOut(DemoUser user) {
		try (Browser browser = new Browser()) {
			browser.open(url("/"));
			browser.signInAtKeycloak(user.username(), DemoUsers.PASSWORD);

			assertThat(browser.waitFor(By.id("display-name")).getText()).isEqualTo(user.displayName());
			assertThat(browser.driver().findElement(By.id("username")).getText()).isEqualTo(user.username());
			assertThat(browser.driver().findElements(By.cssSelector("#roles .role")))
				.map(role -> role.getDomAttribute("data-role"))
				.containsExactlyInAnyOrderElementsOf(user.roles());
			assertThat(browser.isPresent(By.id("link-tasklist"))).isEqualTo(TASKLIST_ROLES.contains(user.role()));
			assertThat(browser.isPresent(By.id("link-cockpit"))).isEqualTo(COCKPIT_ROLES.contains(user.role()));
			assertThat(browser.isPresent(By.id("link-admin"))).isEqualTo(user.role().equals("admin"));
			assertThat(browser.isPresent(By.id("link-rules"))).isEqualTo(RULE_READERS.contains(user.role()));
			assertThat(browser.isPresent(By.id("link-reports"))).isEqualTo(user.role().equals("report-handler"));
			assertThat(browser.isPresent(By.id("link-loads"))).isEqualTo(Set.of("analyst", "admin").contains(user.role()));
			browser.screenshot("workbench-" + user.username());

			assertThat(identity.createGroupQuery().groupMember(user.username()).list()).map(Group::getId)
				.as("Keycloak roles are mirrored as Camunda groups")
				.containsExactlyInAnyOrderElementsOf(user.roles());

			browser.driver().findElement(By.id("sign-out")).click();
			browser.waitForUrl(url("/public"));
			browser.waitForText("医保基金监管 公众服务");

			browser.open(url("/"));
			assertThat(browser.waitFor(By.id("username")).getTagName())
				.as("signing out ended the Keycloak session too: Keycloak asks for the password again")
				.isEqualTo("input");
		}
	}

	@Test
	void aCandidateGroupTaskAppearsInTheWorkbenchAndInCamundaTasklistWithoutASecondPassword() {
		var deployment = repository.createDeployment()
			.addClasspathResource("it/candidate-group-task.bpmn")
			.name("browser test")
			.deploy();
		try (Browser browser = new Browser()) {
			runtime.startProcessInstanceByKey("Process_BrowserTestInspectorTask");

			browser.open(url("/"));
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("my-tasks")).getText()).contains("核对检查记录", "待认领");

			browser.open(url("/camunda/app/tasklist/"));
			browser.waitForText("核对检查记录");
			assertThat(browser.isPresent(By.cssSelector("input[name=username]")))
				.as("Camunda does not show its own login form").isFalse();
			browser.screenshot("camunda-tasklist-inspector1");

			browser.waitFor(By.cssSelector(".account, [class*=account], .user-account")).click();
			browser.waitFor(By.xpath("//*[normalize-space(text())='退出']")).click();
			browser.waitForUrl(url("/public"));
			browser.open(url("/camunda/app/tasklist/"));
			assertThat(browser.waitFor(By.id("username")).getTagName())
				.as("Camunda's own log-out ended the Keycloak session as well").isEqualTo("input");
		}
		finally {
			repository.deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void anAnalystIsRefusedCamundaTasklist() {
		try (Browser browser = new Browser()) {
			browser.open(url("/camunda/app/tasklist/"));
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);

			browser.waitForText("无权访问");
			browser.screenshot("camunda-refused-analyst1");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

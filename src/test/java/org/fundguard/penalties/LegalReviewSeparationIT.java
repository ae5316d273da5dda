package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.process.TaskGateway;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Separation of duties with real Keycloak users: reviewer2 (周敏) is both a legal reviewer and an inspector. Having
 * done the investigation of a case as an inspector, he can neither claim nor complete its review, through FundGuard's
 * API or through Camunda Tasklist's own REST calls; inspector1, who proposed the penalty, is not even offered it;
 * reviewer1 may take it.
 */
@IntegrationTest
class LegalReviewSeparationIT {

	@LocalServerPort int port;
	@Autowired AuditCases cases;
	@Autowired Penalties penalties;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired TaskGateway gateway;
	@Autowired PenaltyProcedure procedure;
	@Autowired org.fundguard.documents.DocumentStore documents;
	@Autowired org.fundguard.record.EnforcementRecord record;

	PenaltyDriver d;

	@BeforeEach
	void aCaseInvestigatedByReviewer2AwaitsLegalReview() {
		d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
		d.handOver(SubjectType.INSTITUTION, "淄博分离测试医院", "20000", Intent.FRAUD, "40");
		d.complete("Task_ApproveFiling", "director1", "filingApproved", true, "filingOpinion", "同意立案");
		// reviewer2 works the investigation task through the API with his own token, as an inspector
		String investigate = d.task("Task_Investigate").getId();
		var done = Http.post(url("/api/penalties/tasks/" + investigate + "/complete"), KeycloakTokens.accessToken("reviewer2"),
				"{\"investigationNote\":\"现场检查，调取病历\",\"complexCase\":false}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		d.complete("Task_ProposePenalty", "inspector1", "factors", "").serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "无", "hearingRequested", false, "factors", "");
		assertThat(d.task("Task_ReviewPenalty")).isNotNull();
	}

	@Test
	void theInvestigatorsCannotClaimTheReviewThroughTheApiButAnIndependentReviewerCan() throws Exception {
		String review = d.task("Task_ReviewPenalty").getId();

		var byReviewer2 = Http.post(url("/api/penalties/tasks/" + review + "/claim"), KeycloakTokens.accessToken("reviewer2"), "");
		assertThat(byReviewer2.statusCode()).as("not his to do: separation of duties").isEqualTo(403);
		assertThat(byReviewer2.body()).contains("\"key\":\"penalties.review.reviewer-investigated\"");
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(byReviewer2.body()).path("detail").asText())
			.contains("reviewer2", "不得担任该案的法制审核人员");

		var byInspector1 = Http.post(url("/api/penalties/tasks/" + review + "/claim"), KeycloakTokens.accessToken("inspector1"), "");
		assertThat(byInspector1.statusCode()).as("the review is not offered to inspectors at all").isEqualTo(404);
		assertThat(d.task("Task_ReviewPenalty").getAssignee()).isNull();

		var byReviewer1 = Http.post(url("/api/penalties/tasks/" + review + "/claim"), KeycloakTokens.accessToken("reviewer1"), "");
		assertThat(byReviewer1.statusCode()).as(byReviewer1.body()).isEqualTo(200);
		assertThat(d.task("Task_ReviewPenalty").getAssignee()).isEqualTo("reviewer1");
	}

	@Test
	void theInvestigatorCannotClaimOrCompleteTheReviewThroughCamundaTasklist() {
		String review = d.task("Task_ReviewPenalty").getId();
		try (Browser browser = new Browser()) {
			browser.open(url("/camunda/app/tasklist/"));
			browser.signInAtKeycloak("reviewer2", DemoUsers.PASSWORD);
			browser.waitFor(By.cssSelector("body"));
			waitForCsrfCookie(browser);

			String claim = tasklistCall(browser, "/camunda/api/engine/engine/default/task/" + review + "/claim",
					"{\"userId\":\"reviewer2\"}");
			assertThat(claim).doesNotStartWith("2").contains("不得担任该案的法制审核人员");
			assertThat(d.task("Task_ReviewPenalty").getAssignee()).isNull();

			// the review is offered to his role and nobody holds it, so only its rule can stop him completing it
			String complete = tasklistCall(browser, "/camunda/api/engine/engine/default/task/" + review + "/submit-form",
					"{\"variables\":{\"reviewOutcome\":{\"value\":\"APPROVE\",\"type\":\"String\"},"
							+ "\"authorityOk\":{\"value\":true,\"type\":\"Boolean\"},\"factsOk\":{\"value\":true,\"type\":\"Boolean\"},"
							+ "\"evidenceOk\":{\"value\":true,\"type\":\"Boolean\"},\"procedureOk\":{\"value\":true,\"type\":\"Boolean\"},"
							+ "\"applicationOfLawOk\":{\"value\":true,\"type\":\"Boolean\"},\"discretionOk\":{\"value\":true,\"type\":\"Boolean\"}}}");
			assertThat(complete).doesNotStartWith("2").contains("reviewer2", "不得担任该案的法制审核人员");
			assertThat(d.task("Task_ReviewPenalty")).as("still open").isNotNull();
		}
	}

	@Test
	void theInvestigatorIsNotOfferedTheReviewInAnyListWhileAnIndependentReviewerIs() throws Exception {
		String review = d.task("Task_ReviewPenalty").getId();

		for (String list : java.util.List.of("/api/penalties/tasks", "/api/tasks/mine")) {
			assertThat(Http.get(url(list), KeycloakTokens.accessToken("reviewer2")).body()).as(list).doesNotContain(review);
			assertThat(Http.get(url(list), KeycloakTokens.accessToken("reviewer1")).body()).as(list).contains(review);
		}
		String query = "/camunda/api/engine/engine/default/task?taskDefinitionKey=Task_ReviewPenalty";
		try (Browser browser = new Browser()) {
			browser.open(url("/camunda/app/tasklist/"));
			browser.signInAtKeycloak("reviewer2", DemoUsers.PASSWORD);
			browser.waitFor(By.cssSelector("body"));
			assertThat(tasklistGet(browser, query)).as("Camunda Tasklist's own task query").startsWith("200")
				.doesNotContain(review);
		}
		try (Browser browser = new Browser()) {
			browser.open(url("/camunda/app/tasklist/"));
			browser.signInAtKeycloak("reviewer1", DemoUsers.PASSWORD);
			browser.waitFor(By.cssSelector("body"));
			assertThat(tasklistGet(browser, query)).startsWith("200").contains(review);
		}
	}

	@Test
	void onlyTheCasesTeamAddsEvidenceToThePenalty() {
		// inspector1 proposed the penalty, inspector2 served the notice: another inspector of the bureau is not on the team
		var outsider = new org.fundguard.identity.CurrentUser("inspector9", "赵九",
				java.util.Set.of(org.fundguard.identity.Role.INSPECTOR));
		var document = documents.store("笔录.txt", "询问笔录".getBytes(java.nio.charset.StandardCharsets.UTF_8), "inspector9");

		assertThat(procedure.mayAddEvidence(d.penaltyId, outsider)).as("inspector9 works no task of this case").isFalse();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> procedure.addEvidence(d.penaltyId, "询问笔录", document,
				new org.fundguard.record.Actor("inspector9", "inspector")))
			.isInstanceOf(org.fundguard.errors.Refused.class)
			.extracting(e -> ((org.fundguard.errors.Refused) e).key()).isEqualTo("penalties.evidence.team-only");
		assertThat(record.entries(d.caseId)).noneMatch(e -> e.actorId().equals("inspector9"));

		assertThat(procedure.mayAddEvidence(d.penaltyId, PenaltyDriver.USERS.get("inspector1")))
			.as("inspector1 proposed the penalty").isTrue();
		procedure.addEvidence(d.penaltyId, "询问笔录", document, PenaltyDriver.INSPECTOR);
		assertThat(record.entries(d.caseId)).anyMatch(e -> e.actorId().equals("inspector1") && e.action().equals("EVIDENCE_ADDED"));
	}

	private static String tasklistGet(Browser browser, String path) {
		Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
				  .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('error ' + e));""", path);
		return String.valueOf(result);
	}

	/** A call the way Camunda Tasklist makes it: same session, its CSRF header; returns "status body". */
	private static String tasklistCall(Browser browser, String path, String json) {
		Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1];
				fetch(arguments[0], {method: 'POST', credentials: 'same-origin',
				    headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token}, body: arguments[1]})
				  .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('error ' + e));""", path, json);
		return String.valueOf(result);
	}

	private static void waitForCsrfCookie(Browser browser) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (browser.driver().manage().getCookieNamed("XSRF-TOKEN") == null && System.nanoTime() < until) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

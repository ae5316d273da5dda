package org.fundguard.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.rules.Signal;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With real Keycloak tokens: institution1 (H37030200002) sees and answers the signal issued to it; institution2
 * (H37032200005) cannot read it by id, find it in its list, answer it, or reach its task (404/403); the
 * client-credentials token of an institution's system works for its own provider only.
 */
@IntegrationTest
class InstitutionSignalsIT {

	static final String INSTITUTION1 = "H37030200002";
	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort int port;
	@Autowired SignalIssuing issuing;
	@Autowired SignalReview review;
	@Autowired TaskGateway tasks;

	IssuedSignal issued;

	@BeforeEach
	void aSignalIssuedToInstitution1() {
		String leadId = UUID.randomUUID().toString();
		String subject = "IT-" + UUID.randomUUID();
		Signal signal = new Signal("price-over-ceiling", subject, "2026-10-01", "2026-10-31", new BigDecimal("88.00"),
				"单价超过限价", List.of(subject + ":1"), List.of(subject));
		issuing.issue(leadId, INSTITUTION1, List.of(signal),
				new CurrentUser("analyst1", "分析员", Set.of(Role.ANALYST)));
		issued = review.ofLead(leadId).getFirst();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void anotherInstitutionCannotReadListAnswerOrReachTheTask() throws Exception {
		String own = KeycloakTokens.accessToken("institution1");
		String other = KeycloakTokens.accessToken("institution2");

		var mine = Http.get(url("/api/institution/signals/" + issued.id()), own);
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		assertThat(JSON.readTree(mine.body()).path("stateLabel").asText()).isEqualTo("待答复");
		assertThat(ids(Http.get(url("/api/institution/signals"), own).body())).contains(issued.id());

		assertThat(Http.get(url("/api/institution/signals/" + issued.id()), other).statusCode()).isEqualTo(404);
		var otherList = Http.get(url("/api/institution/signals"), other);
		assertThat(otherList.statusCode()).isEqualTo(200);
		assertThat(ids(otherList.body())).doesNotContain(issued.id());
		var otherAnswer = Http.post(url("/api/institution/signals/" + issued.id() + "/answer"), other, "{\"answer\":\"ACCEPT\"}");
		assertThat(otherAnswer.statusCode()).isEqualTo(404);
		var otherBulk = Http.post(url("/api/institution/signals/answer"), other,
				"{\"ids\":[\"" + issued.id() + "\"],\"answer\":\"ACCEPT\"}");
		assertThat(otherBulk.statusCode()).isEqualTo(404);

		String taskId = tasks.openWhere(SignalReviewVariables.ISSUED_SIGNAL_ID, issued.id(), SignalReviewVariables.KEY)
			.getFirst().id();
		assertThat(Http.get(url("/api/tasks/" + taskId), other).statusCode()).isIn(403, 404);
		assertThat(Http.post(url("/api/tasks/" + taskId + "/complete"), other, "{\"answer\":\"ACCEPT\"}").statusCode())
			.isIn(403, 404);
		assertThat(Http.get(url("/engine-rest/task/" + taskId), other).statusCode()).isIn(403, 404);
		assertThat(review.get(issued.id()).state()).isEqualTo(SignalState.AWAITING);

		var answered = Http.post(url("/api/institution/signals/" + issued.id() + "/answer"), own, "{\"answer\":\"ACCEPT\"}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(review.get(issued.id()).state()).isEqualTo(SignalState.ACCEPTED);
	}

	@Test
	void aClientCredentialsTokenWorksOnlyForItsOwnProvider() throws Exception {
		String system1 = clientToken("fundguard-inst-1", "fundguard-inst-1-secret");
		String system2 = clientToken("fundguard-inst-2", "fundguard-inst-2-secret");

		assertThat(Http.get(url("/api/institution/signals/" + issued.id()), system1).statusCode()).isEqualTo(200);
		assertThat(Http.get(url("/api/institution/signals/" + issued.id()), system2).statusCode()).isEqualTo(404);
		assertThat(ids(Http.get(url("/api/institution/signals"), system2).body())).doesNotContain(issued.id());
		var appeal = Http.post(url("/api/institution/signals/" + issued.id() + "/answer"), system1,
				"{\"answer\":\"APPEAL\",\"explanation\":\"系统对接测试：已备案\"}");
		assertThat(appeal.statusCode()).as(appeal.body()).isEqualTo(200);
		assertThat(review.get(issued.id()).state()).isEqualTo(SignalState.APPEALED);
	}

	@Test
	void bureauStaffDoNotUseTheInstitutionApi() {
		assertThat(Http.get(url("/api/institution/signals/" + issued.id()), KeycloakTokens.accessToken("analyst1"))
			.statusCode()).isEqualTo(403);
	}

	private static List<String> ids(String body) throws Exception {
		List<String> out = new java.util.ArrayList<>();
		JSON.readTree(body).forEach(n -> out.add(n.path("id").asText()));
		return out;
	}

	private static String clientToken(String client, String secret) throws Exception {
		String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
				+ "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create(Services.realmUrl() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body()).path("access_token").asText();
	}
}

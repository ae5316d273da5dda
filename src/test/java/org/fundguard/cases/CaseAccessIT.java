package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees which case, with real tokens from the real Keycloak (region and pool id come from user attributes): an
 * inspector sees the cases of his or her region and those assigned to him or her, a director every case, in the list
 * and on each case's own endpoints.
 */
@IntegrationTest
class CaseAccessIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	private String tag;
	private AuditCase zhangdian;
	private AuditCase zichuan;
	private AuditCase linzi;

	@BeforeEach
	void threeCasesInThreeRegions() {
		tag = "权限测试" + System.nanoTime();
		String linziProvider = CaseFixtures.uniqueProvider("370305");
		fixtures.demoInspectors(List.of(linziProvider));
		zhangdian = fixtures.open(CaseFixtures.uniqueProvider("370303"), tag + "张店医院", "370303");
		zichuan = fixtures.open(CaseFixtures.uniqueProvider("370302"), tag + "淄川医院", "370302");
		linzi = fixtures.open(linziProvider, tag + "临淄医院", "370305");
		fixtures.fileAndAssign(linzi, "inspector2", false);
	}

	@Test
	void anInspectorSeesHisRegionsCasesAndThoseAssignedToHimADirectorSeesAll() throws Exception {
		assertThat(numbers("inspector1")).containsExactly(zhangdian.number());
		assertThat(numbers("inspector2")).containsExactlyInAnyOrder(zichuan.number(), linzi.number());
		assertThat(numbers("director1")).containsExactlyInAnyOrder(zhangdian.number(), zichuan.number(), linzi.number());
		assertThat(numbers("reviewer1")).as("legal reviewers see cases in the penalty procedure only").isEmpty();
	}

	@Test
	void eachCaseEndpointRefusesACaseOutsideTheInspectorsRegion() {
		String inspector1 = KeycloakTokens.accessToken("inspector1");
		for (String path : List.of("", "/record", "/record/verification")) {
			assertThat(Http.get(url("/api/cases/" + zichuan.number() + path), inspector1).statusCode()).as(path).isEqualTo(403);
			assertThat(Http.get(url("/api/cases/" + zhangdian.number() + path), inspector1).statusCode()).as(path).isEqualTo(200);
			assertThat(Http.get(url("/api/cases/" + zichuan.number() + path), KeycloakTokens.accessToken("director1"))
				.statusCode()).as(path).isEqualTo(200);
		}
		var unknown = Http.get(url("/api/cases/370300-1999-999999"), inspector1);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"key\":\"cases.case.not-found\"", "案件不存在：370300-1999-999999");
		var refused = Http.get(url("/api/cases/" + zichuan.number()), inspector1);
		assertThat(refused.body()).contains("\"key\":\"cases.case.not-visible\"", "无权查看案件 " + zichuan.number());
		assertThat(Http.get(url("/api/cases"), KeycloakTokens.accessToken("analyst1")).statusCode()).isEqualTo(403);
	}

	@Test
	void anInspectorWhoDeclaredAConflictWithTheSubjectCannotBeAssigned() {
		AuditCase other = fixtures.open(linzi.subjectKey(), tag + "临淄医院", "370305");

		assertThatThrownBy(() -> fixtures.fileAndAssign(other, "inspector1,inspector2", true))
			.hasRootCauseMessage("张伟 已声明与 " + tag + "临淄医院（" + linzi.subjectKey() + "）存在利害关系，应当回避，不得指派");
		assertThat(fixtures.task(other, "Task_AssignInspectors")).as("the assignment task stays open").isNotNull();
	}

	@Test
	void onlyADirectorOpensACaseFromALead() throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/cases/leads/no-such-lead")))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken("inspector1"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);

		var director = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/cases/leads/no-such-lead")))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken("director1"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(director.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(director.body()).path("detail").asText()).contains("线索不存在");
	}

	private List<String> numbers(String user) throws Exception {
		var response = Http.get(url("/api/cases?subject=" + URLEncoder.encode(tag, StandardCharsets.UTF_8)),
				KeycloakTokens.accessToken(user));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode list = JSON.readTree(response.body());
		return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.path("number").asText()).toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

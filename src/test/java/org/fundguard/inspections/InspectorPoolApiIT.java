package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Directors and administrators change the pool through the API, inspectors may not; every change is recorded with
 * who made it, and a later load of the export does not undo it.
 */
@IntegrationTest
class InspectorPoolApiIT {

	@LocalServerPort
	int port;

	@Autowired
	InspectorPool pool;

	private HttpResponse<String> put(String id, String json, String user) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inspections/pool/" + id))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aDirectorDeactivatesAnInspectorAndDeclaresAConflictWhichTheNextLoadKeeps() throws Exception {
		String id = "API-" + UUID.randomUUID().toString().substring(0, 8);
		pool.save(id, "赵六", "稽核一科", "370300", "37030099", true, List.of("H37030300001"));

		assertThat(put(id, "{\"active\":false,\"reason\":\"外出学习\"}", "inspector1").statusCode()).isEqualTo(403);
		var response = put(id, "{\"active\":false,\"conflicts\":[\"H37030300002\"],\"reason\":\"亲属任职\"}", "director1");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var refused = put(id, "{\"conflicts\":[\"not-a-code\"],\"reason\":\"x\"}", "admin1");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		var problem = new ObjectMapper().readTree(refused.body());
		assertThat(problem.path("key").asText()).isEqualTo("inspections.pool.bad-provider-code");
		assertThat(problem.path("detail").asText()).isEqualTo("“not-a-code”不是机构编码（H 或 P 加 11 位数字）");
		var unknown = put("API-NO-SUCH", "{\"active\":false,\"reason\":\"x\"}", "director1");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new ObjectMapper().readTree(unknown.body()).path("detail").asText()).isEqualTo("检查人员不存在：API-NO-SUCH");

		// the next load states the export again; the workbench's decisions stay
		pool.save(id, "赵六", "稽核一科", "370300", "37030099", true, List.of("H37030300001"));
		Inspector after = pool.find(id).orElseThrow();
		assertThat(after.active()).isFalse();
		assertThat(after.conflicts()).containsExactly("H37030300001", "H37030300002");
		assertThat(pool.activeSnapshot()).noneMatch(e -> e.id().equals(id));
		assertThat(pool.changes()).filteredOn(c -> c.inspectorId().equals(id))
			.extracting(PoolChange::field, PoolChange::changedBy, PoolChange::reason)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("active", "director1", "亲属任职"),
					org.assertj.core.groups.Tuple.tuple("declared_conflicts", "director1", "亲属任职"));
	}
}

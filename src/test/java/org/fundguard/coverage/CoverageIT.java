package org.fundguard.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coverage API and its CSV against the test's own reading of the tables and the providers index: every
 * institution of the region with the same three answers, the region's counts, gaps first, a bad year refused in
 * Chinese, and the CSV with its byte-order mark and CRLF lines.
 */
@IntegrationTest
class CoverageIT {

	@LocalServerPort
	int port;
	@Autowired ClaimsLoader loader;
	@Autowired JdbcClient jdbc;
	@Autowired ElasticJson elastic;
	@Autowired ClaimIndices indices;

	@TempDir
	Path temp;

	@Test
	void theYearsCoverageMatchesTheTablesAndExportsAsCsv() throws Exception {
		CoverageYear given = new CoverageYear().write(loader, jdbc, temp.resolve("export"));
		elastic.send("POST", "/" + indices.providers() + "/_refresh", null);
		Map<String, boolean[]> expected = CoverageYear.expected(jdbc, elastic, indices.providers(), given.year);
		assertThat(expected).containsKeys(given.codes.toArray(String[]::new));
		// the fixture's own facts, so that a query and a page that both found nothing would not pass
		assertThat(expected.get(given.code(1))).containsExactly(true, false, true);
		assertThat(expected.get(given.code(2))).containsExactly(true, true, true);
		assertThat(expected.get(given.code(3))).containsExactly(false, true, false);
		assertThat(expected.get(given.code(4))).containsExactly(false, false, true);
		assertThat(expected.get(given.code(5))).containsExactly(false, false, false);
		assertThat(expected.get(given.code(6))).containsExactly(false, false, false);

		String director = KeycloakTokens.accessToken("director1");
		var answer = Http.get("http://localhost:" + port + "/api/coverage?year=" + given.year, director);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode report = new ObjectMapper().readTree(answer.body());
		int seen = 0;
		boolean gapsDone = false;
		for (JsonNode i : report.path("institutions")) {
			boolean full = i.path("selfInspection").asBoolean() && i.path("routineAudit").asBoolean()
					&& i.path("randomInspection").asBoolean();
			if (full) {
				gapsDone = true;
			}
			else {
				assertThat(gapsDone).as("gaps come first").isFalse();
			}
			boolean[] want = expected.get(i.path("code").asText());
			if (want != null) {
				assertThat(new boolean[] { i.path("selfInspection").asBoolean(), i.path("routineAudit").asBoolean(),
						i.path("randomInspection").asBoolean() }).as(i.path("code").asText()).containsExactly(want);
				seen++;
			}
		}
		assertThat(seen).isEqualTo(expected.size());
		JsonNode region = null;
		for (JsonNode r : report.path("regions")) {
			if (r.path("region").asText().equals(CoverageYear.REGION)) {
				region = r;
			}
		}
		assertThat(region).isNotNull();
		assertThat(region.path("institutions").asInt()).isEqualTo(expected.size());
		assertThat(region.path("selfInspected").asInt()).isEqualTo(count(expected, 0));
		assertThat(region.path("audited").asInt()).isEqualTo(count(expected, 1));
		assertThat(region.path("inspected").asInt()).isEqualTo(count(expected, 2));
		assertThat(region.path("fullyCovered").asInt())
			.isEqualTo((int) expected.values().stream().filter(v -> v[0] && v[1] && v[2]).count());

		var csv = Http.get("http://localhost:" + port + "/api/coverage/export?year=" + given.year, director);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		String body = csv.body();
		assertThat(body).startsWith("\uFEFF机构编码,机构名称,机构类型,统筹区,自查自纠,日常稽核,抽查,全覆盖,缺项\r\n");
		List<String> lines = Arrays.asList(body.substring(1).split("\r\n"));
		assertThat(lines).hasSize(report.path("institutions").size() + 1);
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(given.code(2) + ",").contains(",是,是,是,是,"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(given.code(5) + ",").endsWith(",否,否,否,否,自查自纠、日常稽核、抽查"));
		assertThat(body.getBytes(StandardCharsets.UTF_8)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

		var bad = Http.get("http://localhost:" + port + "/api/coverage?year=abc", director);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("年度“abc”无效");
	}

	private static int count(Map<String, boolean[]> expected, int which) {
		return (int) expected.values().stream().filter(v -> v[which]).count();
	}
}

package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.support.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fundguard load} as a separate process, the way an operator runs it: it fails fast and plainly when
 * Elasticsearch is unreachable, and a load killed with SIGKILL halfway is completed by running it again.
 */
class LoadCommandIT {

	/** Fresh indices for every run: leftovers of an earlier run must not count. */
	private static final String PREFIX = "fundguard-cli-it-" + Long.toString(System.nanoTime(), 36);
	/** The rejects test's own indices: its accepted lines must not count in the kill test's exact totals. */
	private static final String REJECTS_PREFIX = PREFIX + "-r";
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path temp;

	/** By name: Elasticsearch refuses to delete indices by wildcard. */
	@AfterAll
	static void dropIndices() {
		JsonNode indices = send("GET", "/_cat/indices/" + PREFIX + "-*?format=json&h=index");
		for (JsonNode index : indices == null ? JSON.createArrayNode() : indices) {
			send("DELETE", "/" + index.get("index").asText());
		}
		for (String name : ClaimsSchema.INDICES) {
			send("DELETE", "/_index_template/" + PREFIX + "-" + name);
			send("DELETE", "/_index_template/" + REJECTS_PREFIX + "-" + name);
		}
	}

	@Test
	void anUnreachableElasticsearchFailsFastWithAPlainMessageAndNoStackTrace() throws Exception {
		Path folder = new TinyExport("U-").writeTo(temp.resolve("export"));

		Process load = start(folder, "http://127.0.0.1:1");
		assertThat(load.waitFor(90, TimeUnit.SECONDS)).as("finished").isTrue();
		String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(load.exitValue()).as(output).isEqualTo(1);
		assertThat(output).contains("FAILED", "Elasticsearch is not reachable at http://127.0.0.1:1")
			.doesNotContain("\tat ", "Exception in thread");
	}

	/** The report is kept in the database every node shares; the command still saves it on this machine to name it. */
	@Test
	void aLoadWithRejectsNamesItsReportSavedOnThisMachine() throws Exception {
		Path folder = new TinyExport("R-").set("fee_items.csv", 0, "amount", "999.00").writeTo(temp.resolve("rejects"));

		Process load = start(folder, Services.elasticsearchUrl(), REJECTS_PREFIX);
		assertThat(load.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
		String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(load.exitValue()).as(output).isEqualTo(3);
		java.util.regex.Matcher named = java.util.regex.Pattern.compile("拒绝明细 / rejects report: (\\S+)").matcher(output);
		assertThat(named.find()).as(output).isTrue();
		Path report = Path.of(named.group(1));
		assertThat(report).startsWith(temp.resolve("data"));
		assertThat(Files.readString(report, StandardCharsets.UTF_8)).startsWith("\uFEFFfile,row,line,column,reason,raw,raw_length")
			.contains("fee_items.csv,2,2,amount", "999.00 ≠ quantity × unit_price");
	}

	@Test
	void aLoadKilledHalfwayIsCompletedByRunningItAgainWithNoDuplicatesAndNothingMissing() throws Exception {
		int settlements = 40_000;
		Path folder = writeExport(temp.resolve("big"), settlements, 10);

		Process first = start(folder, Services.elasticsearchUrl());
		awaitIndexed(first, 50_000);
		first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
		first.waitFor(30, TimeUnit.SECONDS);
		long partial = count("claims");
		assertThat(partial).as("killed halfway").isBetween(1L, settlements * 10L - 1);
		// nobody has listed the loads: the launcher's status tells from the load's own file that its process is gone
		assertThat(launcherStatus()).contains("已中断 / interrupted", folder.toString(), "./fundguard load " + folder);

		Process second = start(folder, Services.elasticsearchUrl());
		assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(second.exitValue()).as(output).isZero();
		assertThat(output).contains("此前对该目录的加载", "已中断", "was interrupted; this load completes it");
		assertThat(launcherStatus()).doesNotContain("interrupted", "running");

		// ids come from the keys, so exactly the expected count means nothing is missing and nothing is twice
		assertThat(count("claims")).isEqualTo(settlements * 10L);
		assertThat(count("settlements")).isEqualTo(settlements);
	}

	private Process start(Path folder, String elasticsearchUrl) throws IOException {
		return start(folder, elasticsearchUrl, PREFIX);
	}

	private Process start(Path folder, String elasticsearchUrl, String prefix) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", Path.of("target", "fundguard.jar").toAbsolutePath().toString(), "load", folder.toString())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("FUNDGUARD_ES_URL", elasticsearchUrl);
		env.put("FUNDGUARD_ES_INDEX_PREFIX", prefix);
		env.put("FUNDGUARD_DATA", temp.resolve("data").toString());
		env.put("FUNDGUARD_ID_HASH_KEY", "load-command-test-key-not-secret");
		return builder.start();
	}

	/** {@code ./fundguard status} on the test's data folder, services given by URL so that it starts nothing. */
	private String launcherStatus() throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", Path.of("fundguard").toAbsolutePath().toString(), "status")
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("FUNDGUARD_DATA", temp.resolve("data").toString());
		env.put("FUNDGUARD_ES_URL", Services.elasticsearchUrl());
		env.put("FUNDGUARD_KEYCLOAK_URL", Services.keycloakUrl());
		env.put("FUNDGUARD_APP_PORT", "1");
		Process status = builder.start();
		assertThat(status.waitFor(60, TimeUnit.SECONDS)).as("status finished").isTrue();
		return new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	private void awaitIndexed(Process load, long documents) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline && load.isAlive()) {
			JsonNode stats = send("GET", "/" + PREFIX + "-claims/_stats/indexing");
			if (stats != null && stats.at("/_all/primaries/indexing/index_total").asLong() >= documents) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the load did not reach " + documents + " indexed documents");
	}

	private static long count(String index) {
		send("POST", "/" + PREFIX + "-" + index + "/_refresh");
		return send("GET", "/" + PREFIX + "-" + index + "/_count").get("count").asLong();
	}

	private static JsonNode send(String method, String path) {
		return send(method, path, null);
	}

	private static JsonNode send(String method, String path, String body) {
		try {
			var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Services.elasticsearchUrl() + path))
				.header("Content-Type", "application/json")
				.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
						: java.net.http.HttpRequest.BodyPublishers.ofString(body));
			var response = java.net.http.HttpClient.newHttpClient().send(builder.build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 404 ? null : JSON.readTree(response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A plain, valid export large enough that a load takes a while: one hospital, one drug, N settlements. */
	private static Path writeExport(Path folder, int settlements, int linesEach) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("providers.csv"),
				"provider_code,provider_name,provider_type,region,level,agreement_status\nH37030300011,淄博市第一医院,hospital,370303,3,active\n");
		Files.writeString(folder.resolve("items.csv"),
				"item_code,item_name,item_type,price_ceiling\nXA10BAA001A001010100001,二甲双胍片,drug,0.50\n");
		int persons = settlements / 4;
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("persons.csv"))) {
			out.write("person_id,id_number,gender,birth_date,insured_region,insurance_type,enroll_date\n");
			for (int p = 0; p < persons; p++) {
				LocalDate born = LocalDate.of(1950, 1, 1).plusDays(p % 20000);
				out.write("K" + p + "," + IdNumber.of("370303", born, 100 + p % 800) + ",1," + born + ",370300,310,2010-01-01\n");
			}
		}
		String total = "%.2f".formatted(linesEach * 10 * 0.5);
		try (BufferedWriter s = Files.newBufferedWriter(folder.resolve("settlements.csv"));
				BufferedWriter f = Files.newBufferedWriter(folder.resolve("fee_items.csv"))) {
			s.write("settlement_id,person_id,provider_code,medical_region,insured_region,med_type,visit_start,visit_end,"
					+ "settle_time,diag_code,total_amount,fund_paid,self_paid\n");
			f.write("settlement_id,line_no,item_time,item_code,quantity,unit_price,amount\n");
			for (int i = 0; i < settlements; i++) {
				String day = LocalDate.of(2026, 1, 1).plusDays(i % 300).toString();
				s.write("KS" + i + ",K" + (i % persons) + ",H37030300011,370300,370300,11," + day + "," + day + "," + day
						+ " 10:00:00,E11.900," + total + ",0.00," + total + "\n");
				for (int l = 1; l <= linesEach; l++) {
					f.write("KS" + i + "," + l + "," + day + " 09:00:00,XA10BAA001A001010100001,10,0.50,5.00\n");
				}
			}
		}
		return folder;
	}

}

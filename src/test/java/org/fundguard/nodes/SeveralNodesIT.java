package org.fundguard.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fundguard.FundGuardApplication;
import org.fundguard.claims.TinyExport;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ReflectionUtils;

/**
 * Two FundGuard nodes on one database (issue 21): the integration tests' application is node 1; a second application
 * context with its own port, its own data folder and its own process engine is node 2. Only the master keyset is
 * shared, as every node of a cluster must share it (README, 多节点部署). A document stored through node 1 is read
 * on node 2, and so is the rejects report of a load node 1 ran; a portal client's allowance counts on both together;
 * a locked scheduled job fired by both at once runs once. Sessions are not shared (the load balancer keeps a session on its node; README says why).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port1;

	@Autowired
	ApplicationContext node1;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	private ConfigurableApplicationContext node2;
	private Path node2Data;

	@BeforeAll
	void startNode2() throws Exception {
		node2Data = Files.createTempDirectory("fundguard-node2");
		Path keyFile = Path.of(environment.getRequiredProperty("fundguard.data-dir")).resolve("keys").resolve("master-keyset.json");
		node1.getBean(org.fundguard.sealing.Sealer.class).seal(new byte[] { 1 }, "probe"); // made on first use
		assertThat(keyFile).as("node 1 keeps its master keyset in its data folder").exists();
		node2 = new SpringApplicationBuilder(FundGuardApplication.class).profiles("it")
			.properties("server.port=0", "fundguard.data-dir=" + node2Data, "fundguard.sealing.key-file=" + keyFile,
					// its own engine in this JVM's registry of engines; a second "default" would replace node 1's
					"camunda.bpm.process-engine-name=node2", "spring.main.banner-mode=off")
			.run();
	}

	@AfterAll
	void stopNode2() {
		if (node2 != null) {
			node2.close();
		}
	}

	@Test
	void aDocumentStoredThroughNode1IsReadOnNode2() {
		byte[] pdf = ("%PDF-1.4\n% 两个节点共享的检查笔录 " + ThreadLocalRandom.current().nextLong() + "\n%%EOF")
			.getBytes(StandardCharsets.UTF_8);
		StoredDocument stored = node1.getBean(DocumentStore.class).store("现场检查笔录.pdf", pdf, "inspector1");

		DocumentStore onNode2 = node2.getBean(DocumentStore.class);
		StoredDocument found = onNode2.find(stored.id()).orElseThrow();
		assertThat(onNode2.content(found)).isEqualTo(pdf);
		assertThat(node2Data.resolve("documents")).as("nothing on node 2's own disk").doesNotExist();
		byte[] row = jdbc.queryForObject("select sealed from document_content where sha256 = ?", byte[].class, stored.sha256());
		assertThat(indexOf(row, "两个节点共享".getBytes(StandardCharsets.UTF_8))).as("sealed in the database").isNegative();
	}

	@Test
	void theRejectsReportOfALoadNode1RanIsDownloadedFromNode2() throws Exception {
		String p = "N" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "-";
		Path folder = new TinyExport(p).set("fee_items.csv", 0, "amount", "999.00")
			.writeTo(Files.createTempDirectory("fundguard-nodes-export"));
		LoadRecord load = node1.getBean(ClaimsLoader.class).load(folder, "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED_WITH_REJECTS");

		HttpResponse<byte[]> fromNode1 = rejects(port1, load.id());
		HttpResponse<byte[]> fromNode2 = rejects(port(node2), load.id());

		assertThat(fromNode2.statusCode()).isEqualTo(200);
		assertThat(fromNode2.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		String report = new String(fromNode2.body(), StandardCharsets.UTF_8);
		System.out.println("rejects report of load " + load.id() + " from node 2: " + fromNode2.body().length + " bytes");
		assertThat(report).contains("fee_items.csv,2,2,amount", "999.00 ≠ quantity × unit_price", p + "S1,1,");
		assertThat(fromNode2.body()).as("node 2 serves node 1's report").isEqualTo(fromNode1.body());
		Path node1Data = Path.of(environment.getRequiredProperty("fundguard.data-dir"));
		assertThat(node1Data.resolve("loads").resolve(load.id()).resolve("rejects.csv")).as("in neither node's folder")
			.doesNotExist();
		assertThat(node2Data.resolve("loads").resolve(load.id())).doesNotExist();
		List<byte[]> pieces = jdbc.queryForList("select sealed from claims_load_rejects where load_id = ?", byte[].class, load.id());
		assertThat(pieces).as("kept in the shared database").isNotEmpty()
			.allSatisfy(piece -> assertThat(indexOf(piece, (p + "S1").getBytes(StandardCharsets.UTF_8))).as("sealed").isNegative());
	}

	private static HttpResponse<byte[]> rejects(int port, String loadId) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/loads/" + loadId + "/rejects"))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken("analyst1"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aPortalClientsLookupsCountOnBothNodesTogether() throws Exception {
		int n = ThreadLocalRandom.current().nextInt(1, 250);
		String address = "127.91." + n + "." + ThreadLocalRandom.current().nextInt(1, 250);
		int limit = environment.getRequiredProperty("fundguard.reports.portal.rate-limit.lookups", Integer.class);
		Portal onNode1 = new Portal(port1, address);
		Portal onNode2 = new Portal(port(node2), address);
		for (int i = 0; i < limit; i++) {
			var answer = (i % 2 == 0 ? onNode1 : onNode2).lookUp("AAAA-BBBB-CCCC-DDDD-" + i);
			assertThat(answer.statusCode()).as("lookup %d of %d, split over both nodes", i + 1, limit).isEqualTo(404);
		}

		assertThat(onNode1.lookUp("AAAA-BBBB-CCCC-DDDD-EEEE").statusCode()).as("node 1 counted node 2's lookups").isEqualTo(429);
		assertThat(onNode2.lookUp("AAAA-BBBB-CCCC-DDDD-EEEE").statusCode()).as("and node 2 node 1's").isEqualTo(429);
		assertThat(new Portal(port(node2), "127.92." + n + ".1").lookUp("AAAA-BBBB-CCCC-DDDD-EEEE").statusCode())
			.as("another client is not affected").isEqualTo(404);
	}

	@Test
	void aLockedScheduledJobFiredOnBothNodesAtOnceRunsOnce() throws Exception {
		// the rules run is locked for at least 5 minutes after it ends: a rerun of this test within them would find
		// the lock taken by the last run, not by the other node
		jdbc.update("delete from shedlock where name = 'rules-catalogue'");
		long before = scheduledRuns();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> fired = new ArrayList<>();
			for (ApplicationContext node : List.of(node1, node2)) {
				Object job = node.getBean("rulesSchedule");
				Method run = ReflectionUtils.findMethod(job.getClass(), "runCatalogue");
				ReflectionUtils.makeAccessible(run);
				Callable<Object> fire = () -> {
					start.await();
					return run.invoke(job);
				};
				fired.add(both.submit(fire));
			}
			start.countDown();
			for (Future<Object> f : fired) {
				f.get();
			}
		}
		finally {
			both.shutdown();
		}

		assertThat(scheduledRuns() - before).as("rule runs the schedule started, both nodes having fired it").isOne();
		assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'rules-catalogue'", Long.class))
			.as("through the lock row").isOne();
	}

	private long scheduledRuns() {
		return jdbc.queryForObject("select count(*) from rule_run where triggered_by = 'SCHEDULE'", Long.class);
	}

	private static int port(ApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A browser on the portal's status page of one node, from one address. */
	private static final class Portal {

		private final HttpClient http;
		private final String base;

		Portal(int port, String address) throws Exception {
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER)
				.localAddress(InetAddress.getByName(address))
				.build();
			this.base = "http://127.0.0.1:" + port;
		}

		HttpResponse<String> lookUp(String code) throws Exception {
			String page = http.send(HttpRequest.newBuilder(URI.create(base + "/portal/status")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher csrf = CSRF.matcher(page);
			assertThat(csrf.find()).as(page).isTrue();
			String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&code="
					+ URLEncoder.encode(code, StandardCharsets.UTF_8);
			return http.send(HttpRequest.newBuilder(URI.create(base + "/portal/status"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}

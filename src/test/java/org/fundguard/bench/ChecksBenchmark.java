package org.fundguard.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fundguard.FundGuardApplication;
import org.fundguard.checks.BatchComparison;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.rules.CheckSnapshot;
import org.fundguard.rules.ProspectiveSettlement;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.SettlementCheck;
import org.fundguard.rules.SignalSearch;
import org.fundguard.rules.Window;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pre-settlement check's benchmark (issue 18): the app on a free port over the claims loaded under the configured
 * prefix (the loader benchmark's export), 100 concurrent keep-alive clients each sending 20-line settlements built
 * from real settlements (their lines, repeated or cut to 20), for a warm-up and then a measured period. It prints
 * throughput, p50/p90/p99 and the share of checks with a hit, next to a baseline of the same clients on
 * {@code GET /api/me} (a round trip through security and Jackson with no work). Under the same load, a sample of
 * real settlements sent unchanged is compared, rule by rule, with what a batch run of the same rules raised on them:
 * every failed request and every differing answer is counted and the first ones printed.
 * <p>
 * args: [--clients 100] [--seconds 30] [--warmup 10] [--sample 600] [--region 3703]
 */
public final class ChecksBenchmark {

	static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private ChecksBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int clients = 100;
		int seconds = 30;
		int warmup = 10;
		int sample = 600;
		String region = "3703";
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--clients" -> clients = Integer.parseInt(args[i + 1]);
				case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
				case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
				case "--sample" -> sample = Integer.parseInt(args[i + 1]);
				case "--region" -> region = args[i + 1];
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FundGuardApplication.class)
			.properties("server.port=0", "camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "logging.level.org.fundguard=WARN", "logging.level.org.fundguard.checks=INFO")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String base = "http://localhost:" + port;
			ElasticJson elastic = context.getBean(ElasticJson.class);
			ElasticsearchProperties es = context.getBean(ElasticsearchProperties.class);
			BatchComparison compare = new BatchComparison(elastic, es, context.getBean(SignalSearch.class));

			Window window = period(elastic, es);
			long lines = elastic.send("GET", "/" + es.name("claims") + "/_count", null).path("count").asLong();
			System.out.printf("claims %s: %,d fee lines, window %s .. %s%n", es.name("claims"), lines, window.from(), window.to());
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
			// the app's own snapshot first, so that the heap measured below is the second one's alone
			waitForSnapshot(http, base, token("analyst1"), "{\"personId\":\"-\",\"providerCode\":\"-\",\"medType\":\"11\","
					+ "\"visitStart\":\"2026-01-01\",\"lines\":[{\"itemCode\":\"-\",\"quantity\":1,\"unitPrice\":1,\"amount\":1}]}");
			CheckSnapshot snapshot = memory(context.getBean(SettlementCheck.class));

			long started = System.nanoTime();
			RunRecord run = context.getBean(RuleEngine.class)
				.run(new RunRequest(CheckSnapshot.RULES, window, List.of(region), "benchmark", "BENCH"));
			System.out.printf("batch run of the check's %d rules: %s, %,d hits, %d s%n", CheckSnapshot.RULES.size(), run.status(),
					run.hits(), (System.nanoTime() - started) / 1_000_000_000);

			List<String> verifyIds = verificationSample(elastic, es, region, sample);
			List<Verify> verify = new ArrayList<>();
			for (String id : verifyIds) {
				verify.add(new Verify(id, JSON.writeValueAsString(compare.prospective(id)), compare.batch(id, window)));
			}
			List<String> load = twentyLineBodies(elastic, es, region, 2000);
			System.out.printf("bodies: %d twenty-line settlements, %d settlements to verify (%d with a batch hit)%n", load.size(),
					verify.size(), verify.stream().filter(v -> !v.batch().isEmpty()).count());

			inProcess(snapshot, load);
			String token = token("analyst1");

			System.out.printf("machine load average before the clients (1, 5, 15 min): %s", loadAverage());
			Result me = drive(http, base + "/api/me", token, null, clients, warmup, Math.max(10, seconds / 3), null);
			System.out.printf("%nbaseline GET /api/me: %s%n", me.line());
			token = token("analyst1");
			Result checks = drive(http, base + "/api/checks/settlement", token, load, clients, warmup, seconds, verify);
			System.out.printf("POST /api/checks/settlement (20 lines): %s; with ≥1 hit %.1f %%%n", checks.line(),
					100.0 * checks.withHits() / Math.max(1, checks.ok()));
			int wrong = 0;
			int verified = 0;
			for (Verify v : verify) {
				for (Map<String, Integer> answer : v.answers()) {
					verified++;
					if (!answer.equals(v.batch())) {
						if (wrong++ < 10) {
							System.out.printf("  DIFFERS %s: check %s, batch %s%n", v.id(), answer, v.batch());
						}
					}
				}
			}
			System.out.printf("verified under load: %d answers for %d settlements against the batch run: %d differ, %d requests failed%n",
					verified, verify.size(), wrong, checks.failed());
			System.out.printf("machine load average (1, 5, 15 min): %s", loadAverage());
			System.out.printf("targets: p99 < 25 ms %s, ≥ 1000 checks/s %s%n", checks.p(0.99) < 25 ? "met" : "NOT met",
					checks.perSecond() >= 1000 ? "met" : "NOT met");
		}
	}

	/** A settlement to verify, its request body, the batch's hits per rule, and the check's answers under load. */
	record Verify(String id, String body, Map<String, Integer> batch, ConcurrentLinkedQueue<Map<String, Integer>> answers) {

		Verify(String id, String body, Map<String, Integer> batch) {
			this(id, body, batch, new ConcurrentLinkedQueue<>());
		}
	}

	record Result(long ok, long failed, long withHits, double perSecond, long[] nanos) {

		double p(double q) {
			return nanos.length == 0 ? Double.NaN : nanos[Math.min(nanos.length - 1, (int) Math.ceil(q * nanos.length) - 1)] / 1e6;
		}

		String line() {
			return String.format("%,.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms (%,d answered, %d failed)", perSecond, p(0.5),
					p(0.9), p(0.99), ok, failed);
		}
	}

	/**
	 * {@code clients} virtual threads, each one request at a time over the client's keep-alive connections: warm-up,
	 * then the measured period. With {@code verify}, every tenth request sends one of its settlements instead.
	 */
	static Result drive(HttpClient http, String url, String token, List<String> bodies, int clients, int warmup, int seconds,
			List<Verify> verify) throws InterruptedException {
		long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong withHits = new AtomicLong();
		AtomicInteger next = new AtomicInteger();
		List<long[]> perClient = Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			threads.add(Thread.ofVirtual().start(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				while (true) {
					long now = System.nanoTime();
					if (now >= end) {
						break;
					}
					int i = next.getAndIncrement();
					Verify v = verify != null && !verify.isEmpty() && i % 10 == 0 ? verify.get((i / 10) % verify.size()) : null;
					HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
						.timeout(Duration.ofSeconds(30));
					if (bodies != null) {
						b.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(v != null ? v.body() : bodies.get(i % bodies.size())));
					}
					try {
						HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - now;
						boolean measured = now >= warmEnd;
						if (r.statusCode() != 200) {
							if (measured || v != null) {
								failed.incrementAndGet();
							}
							continue;
						}
						JsonNode answer = bodies == null ? null : JSON.readTree(r.body());
						if (v != null) {
							List<String> rules = new ArrayList<>();
							answer.path("hits").forEach(h -> rules.add(h.path("ruleId").asText()));
							v.answers().add(BatchComparison.count(rules));
						}
						if (measured) {
							ok.incrementAndGet();
							if (answer != null && answer.path("hitCount").asInt() > 0) {
								withHits.incrementAndGet();
							}
							if (n == mine.length) {
								mine = Arrays.copyOf(mine, n * 2);
							}
							mine[n++] = took;
						}
					}
					catch (Exception e) {
						failed.incrementAndGet();
					}
				}
				perClient.add(Arrays.copyOf(mine, n));
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
		long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(ok.get(), failed.get(), withHits.get(), ok.get() / (double) seconds, all);
	}

	/** Settlements with a batch hit of the check's rules, and as many without, in the jurisdiction. */
	static List<String> verificationSample(ElasticJson elastic, ElasticsearchProperties es, String region, int size) {
		List<String> ids = new ArrayList<>();
		JsonNode signals = elastic.send("POST", "/" + es.name("signals") + "/_search",
				"{\"size\":" + size / 2 + ",\"_source\":[\"settlement_ids\"],\"query\":{\"function_score\":{\"query\":{\"terms\":"
						+ "{\"rule_id\":" + JSON.valueToTree(CheckSnapshot.RULES) + "}},\"random_score\":{\"seed\":18,\"field\":\"_seq_no\"}}}}");
		signals.path("hits").path("hits").forEach(h -> {
			String id = h.at("/_source/settlement_ids/0").asText();
			if (!ids.contains(id)) {
				ids.add(id);
			}
		});
		JsonNode random = elastic.send("POST", "/" + es.name("settlements") + "/_search",
				"{\"size\":" + size / 2 + ",\"_source\":[\"settlement_id\"],\"query\":{\"function_score\":{\"query\":" + inRegion(region)
						+ ",\"random_score\":{\"seed\":42,\"field\":\"_seq_no\"}}}}");
		random.path("hits").path("hits").forEach(h -> ids.add(h.at("/_source/settlement_id").asText()));
		// only settlements judged by every rule in the batch run: medical and insured region in the jurisdiction
		JsonNode kept = elastic.send("POST", "/" + es.name("settlements") + "/_search", "{\"size\":" + ids.size()
				+ ",\"_source\":[\"settlement_id\"],\"query\":{\"bool\":{\"filter\":[{\"terms\":{\"settlement_id\":"
				+ JSON.valueToTree(ids) + "}}," + inRegion(region) + "]}}}");
		List<String> out = new ArrayList<>();
		kept.path("hits").path("hits").forEach(h -> out.add(h.at("/_source/settlement_id").asText()));
		return out;
	}

	static String inRegion(String region) {
		return "{\"bool\":{\"filter\":[{\"prefix\":{\"medical_region\":\"" + region + "\"}},{\"prefix\":{\"insured_region\":\""
				+ region + "\"}}]}}";
	}

	/** Real settlements' visits with their lines, repeated or cut to 20, as request bodies. */
	static List<String> twentyLineBodies(ElasticJson elastic, ElasticsearchProperties es, String region, int count) throws Exception {
		JsonNode settlements = elastic.send("POST", "/" + es.name("settlements") + "/_search", "{\"size\":" + count
				+ ",\"_source\":[\"settlement_id\",\"person_id\",\"provider_code\",\"med_type\",\"diag_code\",\"visit_start\",\"visit_end\"],"
				+ "\"query\":{\"function_score\":{\"query\":" + inRegion(region) + ",\"random_score\":{\"seed\":7,\"field\":\"_seq_no\"}}}}");
		Map<String, JsonNode> byId = new LinkedHashMap<>();
		settlements.path("hits").path("hits").forEach(h -> byId.put(h.at("/_source/settlement_id").asText(), h.path("_source")));
		Map<String, List<ProspectiveSettlement.Line>> lines = new LinkedHashMap<>();
		List<String> ids = new ArrayList<>(byId.keySet());
		for (int from = 0; from < ids.size(); from += 200) {
			JsonNode page = elastic.send("POST", "/" + es.name("claims") + "/_search", "{\"size\":10000,\"_source\":[\"settlement_id\","
					+ "\"item_code\",\"quantity\",\"unit_price\",\"amount\",\"item_time\"],\"query\":{\"terms\":{\"settlement_id\":"
					+ JSON.valueToTree(ids.subList(from, Math.min(ids.size(), from + 200))) + "}},\"sort\":[{\"settlement_id\":\"asc\"},{\"line_no\":\"asc\"}]}");
			page.path("hits").path("hits").forEach(h -> {
				JsonNode l = h.path("_source");
				lines.computeIfAbsent(l.path("settlement_id").asText(), k -> new ArrayList<>()).add(new ProspectiveSettlement.Line(
						l.path("item_code").asText(), new BigDecimal(l.path("quantity").asText()), new BigDecimal(l.path("unit_price").asText()),
						new BigDecimal(l.path("amount").asText()), LocalDate.parse(l.path("item_time").asText().substring(0, 10))));
			});
		}
		List<String> out = new ArrayList<>();
		for (var e : byId.entrySet()) {
			List<ProspectiveSettlement.Line> own = lines.get(e.getKey());
			if (own == null || own.isEmpty()) {
				continue;
			}
			List<ProspectiveSettlement.Line> twenty = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				twenty.add(own.get(i % own.size()));
			}
			JsonNode s = e.getValue();
			out.add(JSON.writeValueAsString(new ProspectiveSettlement(s.path("person_id").asText(), s.path("provider_code").asText(),
					s.path("med_type").asText(), List.of(s.path("diag_code").asText()), LocalDate.parse(s.path("visit_start").asText()),
					LocalDate.parse(s.path("visit_end").asText()), twenty)));
		}
		return out;
	}

	static Window period(ElasticJson elastic, ElasticsearchProperties es) {
		JsonNode period = elastic.send("POST", "/" + es.name("settlements") + "/_search",
				"{\"size\":0,\"aggs\":{\"min\":{\"min\":{\"field\":\"visit_start\",\"format\":\"yyyy-MM-dd\"}},"
						+ "\"max\":{\"max\":{\"field\":\"visit_start\",\"format\":\"yyyy-MM-dd\"}}}}").path("aggregations");
		return new Window(LocalDate.parse(period.at("/min/value_as_string").asText()),
				LocalDate.parse(period.at("/max/value_as_string").asText()));
	}

	/** The snapshot's heap, measured (used heap after a GC, before and after one is read) beside its estimate. */
	/**
	 * The check alone, in this JVM on one thread, over the same bodies: what a check costs without HTTP, security and
	 * JSON, to tell the check's share of a round trip.
	 */
	static void inProcess(CheckSnapshot snapshot, List<String> bodies) throws Exception {
		List<ProspectiveSettlement> settlements = new ArrayList<>();
		for (String b : bodies) {
			settlements.add(JSON.readValue(b, ProspectiveSettlement.class));
		}
		long hits = 0;
		for (int round = 0; round < 2; round++) {
			long started = System.nanoTime();
			int n = 0;
			for (int i = 0; i < 10; i++) {
				for (ProspectiveSettlement s : settlements) {
					hits += snapshot.check(s).size();
					n++;
				}
			}
			long nanos = System.nanoTime() - started;
			System.out.printf("in process, one thread (%s): %,d checks of 20 lines, %.1f µs each%n", round == 0 ? "cold" : "warm", n,
					nanos / 1000.0 / n);
		}
		if (hits < 0) {
			throw new IllegalStateException();
		}
	}

	static CheckSnapshot memory(SettlementCheck check) {
		Runtime rt = Runtime.getRuntime();
		System.gc();
		long before = rt.totalMemory() - rt.freeMemory();
		CheckSnapshot s = check.snapshot();
		System.gc();
		long after = rt.totalMemory() - rt.freeMemory();
		System.out.printf("snapshot: %,d persons, %,d stays, %,d items; heap %,d MB measured, %,d MB estimated%n", s.persons(),
				s.stays(), s.items(), (after - before) / 1_000_000, s.estimatedBytes() / 1_000_000);
		return s;
	}

	static void waitForSnapshot(HttpClient http, String base, String token, String body) throws Exception {
		for (int i = 0; i < 600; i++) {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/checks/settlement"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 200) {
				return;
			}
			if (r.statusCode() != 503) {
				throw new IllegalStateException("check refused: " + r.statusCode() + " " + r.body());
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("no snapshot after 10 minutes");
	}

	/** Other work on the machine shows here: the figures are only comparable at a similar load. */
	static String loadAverage() {
		try {
			String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores\n";
		}
		catch (java.io.IOException e) {
			return "unknown\n";
		}
	}

	static String token(String user) throws Exception {
		String kc = System.getenv().getOrDefault("FUNDGUARD_KEYCLOAK_URL", "http://localhost:8180");
		// director1 and the other two-factor roles send their one-time code, as the realm's direct-grant flow asks
		String form = "grant_type=password&client_id=fundguard-cli&username=" + user + "&password="
				+ URLEncoder.encode("fundguard", StandardCharsets.UTF_8)
				+ org.fundguard.support.Totp.freshCodeFor(user).map(code -> "&totp=" + code).orElse("");
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kc + "/realms/fundguard/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused a token: " + r.body());
		}
		return JSON.readTree(r.body()).path("access_token").asText();
	}
}

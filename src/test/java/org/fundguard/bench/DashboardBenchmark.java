package org.fundguard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.FundGuardApplication;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.elastic.VersionedIndices;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.Window;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard's benchmark (issue 19): the app on a free port over the claims loaded under the configured prefix
 * (the loader benchmark's export), one client, requests one after another. It prints the response time of
 * {@code GET /api/dashboard} cold (Elasticsearch's request and query caches of the benchmark's own indices cleared
 * before each cold request) and warm, median and maximum of several runs, next to a baseline of {@code GET /api/me}
 * measured in the same run (a round trip through security and Jackson with no work). Without signals yet, the
 * catalogue runs once first over the export's period, so that the signals and leads blocks have data.
 * <p>
 * args: [--runs 5] [--warm 10] [--month yyyy-MM] [--region 3703]
 */
public final class DashboardBenchmark {

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = 5;
		int warm = 10;
		String month = null;
		String region = "3703";
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--runs" -> runs = Integer.parseInt(args[i + 1]);
				case "--warm" -> warm = Integer.parseInt(args[i + 1]);
				case "--month" -> month = args[i + 1];
				case "--region" -> region = args[i + 1];
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FundGuardApplication.class)
			.properties("server.port=0", "camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off",
					"fundguard.dashboard.report-cron=-", "logging.level.root=WARN", "logging.level.org.fundguard=WARN")
			.run()) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			ElasticJson elastic = context.getBean(ElasticJson.class);
			ElasticsearchProperties es = context.getBean(ElasticsearchProperties.class);
			long lines = elastic.send("GET", "/" + es.name("claims") + "/_count", null).path("count").asLong();
			long settlements = elastic.send("GET", "/" + es.name("settlements") + "/_count", null).path("count").asLong();
			// before the first rule run there is no signals index yet
			context.getBean(VersionedIndices.class).ensure("signals");
			long signals = elastic.send("GET", "/" + es.name("signals") + "/_count", null).path("count").asLong();
			System.out.printf("claims %s: %,d fee lines (%s the 2 million of the target), %,d settlements, %,d signals%n",
					es.name("claims"), lines, lines >= 2_000_000 ? "at least" : "BELOW", settlements, signals);
			if (signals == 0) {
				Window window = ChecksBenchmark.period(elastic, es);
				long started = System.nanoTime();
				RunRecord run = context.getBean(RuleEngine.class)
					.run(new RunRequest(null, window, List.of(region), "benchmark", "BENCH"));
				System.out.printf("no signals yet: the catalogue ran over %s .. %s first (%s, %,d hits, %d s)%n", window.from(),
						window.to(), run.status(), run.hits(), (System.nanoTime() - started) / 1_000_000_000);
			}
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
			String token = ChecksBenchmark.token("director1");
			String dashboard = base + "/api/dashboard" + (month == null ? "" : "?month=" + month);
			System.out.printf("machine load average before (1, 5, 15 min): %s", ChecksBenchmark.loadAverage());

			// the app's own first request of each kind (class loading, JIT) is not the dashboard's cost: one each, unmeasured
			send(http, base + "/api/me", token);
			JsonNode first = ChecksBenchmark.JSON.readTree(send(http, dashboard, token).body());
			System.out.printf("dashboard month %s: %d funds, %d rule-months, funnel %s%n", first.path("month").asText(),
					first.path("funds").size(), first.path("signals").size(), first.path("funnel"));

			long[] me = new long[warm];
			for (int i = 0; i < warm; i++) {
				me[i] = timed(http, base + "/api/me", token);
			}
			long[] cold = new long[runs];
			for (int i = 0; i < runs; i++) {
				token = ChecksBenchmark.token("director1");
				clearCaches(elastic, es);
				cold[i] = timed(http, dashboard, token);
			}
			long[] hot = new long[warm];
			for (int i = 0; i < warm; i++) {
				hot[i] = timed(http, dashboard, token);
			}
			System.out.printf("%nbaseline GET /api/me:          %s%n", line(me));
			System.out.printf("GET /api/dashboard, cold:       %s%n", line(cold));
			System.out.printf("GET /api/dashboard, warm:       %s%n", line(hot));
			System.out.printf("machine load average after (1, 5, 15 min): %s", ChecksBenchmark.loadAverage());
			System.out.printf("target: under 1 s (cold max %.0f ms, warm max %.0f ms): %s%n", max(cold), max(hot),
					max(cold) < 1000 && max(hot) < 1000 ? "met" : "NOT met");
		}
	}

	/** The benchmark's own indices only (its prefix): the request cache (aggregation results) and the query cache. */
	static void clearCaches(ElasticJson elastic, ElasticsearchProperties es) {
		List<String> indices = new ArrayList<>();
		for (String name : List.of("claims", "settlements", "fund-ledger", "signals")) {
			indices.add(es.name(name));
		}
		elastic.send("POST", "/" + String.join(",", indices) + "/_cache/clear?request=true&query=true", null);
	}

	static HttpResponse<String> send(HttpClient http, String url, String token) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
		}
		return r;
	}

	static long timed(HttpClient http, String url, String token) throws Exception {
		long started = System.nanoTime();
		send(http, url, token);
		return System.nanoTime() - started;
	}

	static String line(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
		return String.format("median %.1f ms, max %.1f ms, min %.1f ms (%d requests)", median / 1e6, s[s.length - 1] / 1e6,
				s[0] / 1e6, s.length);
	}

	static double max(long[] nanos) {
		return Arrays.stream(nanos).max().orElse(0) / 1e6;
	}
}

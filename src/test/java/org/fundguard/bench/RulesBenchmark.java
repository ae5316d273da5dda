package org.fundguard.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.FundGuardApplication;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRecord.RuleResult;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.Window;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The rule benchmark of issue 4: runs the whole catalogue over the claims already loaded under the configured index
 * prefix (FUNDGUARD_ES_INDEX_PREFIX; at least 2 million fee lines for the target) and prints, per rule, the wall time,
 * the sum of Elasticsearch's own {@code took} for that rule's requests, and the share of time spent outside
 * Elasticsearch; then the totals. Targets: the catalogue under 30 s, under 20 % outside Elasticsearch.
 * <p>
 * args: [--from yyyy-MM-dd --to yyyy-MM-dd] [--region PREFIX]; without a window, the loaded data's whole period.
 * The first run warms up the JVM and Elasticsearch's caches; {@code --runs N} (default 2) prints every run.
 */
public final class RulesBenchmark {

	private RulesBenchmark() {
	}

	public static void main(String[] args) {
		LocalDate from = null;
		LocalDate to = null;
		List<String> regions = new ArrayList<>();
		int runs = 2;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--from" -> from = LocalDate.parse(args[i + 1]);
				case "--to" -> to = LocalDate.parse(args[i + 1]);
				case "--region" -> regions.add(args[i + 1]);
				case "--runs" -> runs = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FundGuardApplication.class)
			.web(WebApplicationType.NONE)
			.properties("camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off",
					"spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
							+ "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
					"logging.level.root=WARN", "logging.level.org.fundguard=WARN")
			.run()) {
			ElasticJson elastic = context.getBean(ElasticJson.class);
			ElasticsearchProperties es = context.getBean(ElasticsearchProperties.class);
			long lines = elastic.send("GET", "/" + es.name("claims") + "/_count", null).path("count").asLong();
			JsonNode period = elastic.send("POST", "/" + es.name("settlements") + "/_search",
					"{\"size\":0,\"aggs\":{\"min\":{\"min\":{\"field\":\"visit_start\",\"format\":\"yyyy-MM-dd\"}},"
							+ "\"max\":{\"max\":{\"field\":\"visit_start\",\"format\":\"yyyy-MM-dd\"}}}}").path("aggregations");
			if (from == null) {
				from = LocalDate.parse(period.at("/min/value_as_string").asText());
			}
			if (to == null) {
				to = LocalDate.parse(period.at("/max/value_as_string").asText());
			}
			System.out.printf("claims index %s: %,d fee lines%s; window %s .. %s%n", es.name("claims"), lines,
					lines < 2_000_000 ? " (below the 2 million of the target)" : "", from, to);
			RuleEngine engine = context.getBean(RuleEngine.class);
			for (int run = 1; run <= runs; run++) {
				RunRecord record = engine.run(new RunRequest(null, new Window(from, to), regions, "benchmark", "BENCH"));
				print(run, record);
			}
		}
	}

	private static void print(int n, RunRecord run) {
		System.out.printf("%nrun %d (%s): %s%n", n, n == 1 ? "cold" : "warm", run.status());
		// outside is the target's figure (Elasticsearch's took); es wait (the rule's thread blocked on its requests)
		// and java (the rest of its time) are printed beside it, not instead of it
		System.out.printf("%-24s %9s %9s %9s %8s %7s %9s %6s%n", "rule", "hits", "took ms", "es ms", "outside", "es req",
				"es wait", "java");
		long took = 0;
		long es = 0;
		long wait = 0;
		for (RuleResult r : run.results()) {
			System.out.printf("%-24s %,9d %,9d %,9d %7d%% %7d %,9d %5d%%%s%n", r.ruleId(), r.hits(), r.tookMs(), r.esTookMs(),
					r.outsidePercent(), r.esRequests(), r.esWaitMs(), r.outsideWaitPercent(),
					r.message() == null ? "" : "  " + r.message());
			took += r.tookMs();
			es += r.esTookMs();
			wait += r.esWaitMs();
		}
		long wall = Duration.between(run.startedAt(), run.finishedAt()).toMillis();
		System.out.printf("%-24s %,9d %,9d %,9d %7d%% %7s %,9d %5d%%%n", "rules total", run.hits(), took, es,
				RunRecord.percentOutside(took, es), "", wait, RunRecord.percentOutside(took, wait));
		System.out.printf("whole run (with signals and %,d leads): %,d ms; target under 30,000 ms and under 20%% outside Elasticsearch%n",
				run.leads(), wall);
		System.out.println("(outside: time not in Elasticsearch's took; es wait: time the rule was blocked on its requests, "
				+ "which also holds what took leaves out; java: time not blocked on Elasticsearch)");
	}
}

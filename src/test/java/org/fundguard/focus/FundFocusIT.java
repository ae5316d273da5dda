package org.fundguard.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.VersionedIndices;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.inspections.InspectionPlans;
import org.fundguard.inspections.Plan;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.SmallExport;
import org.fundguard.rules.Window;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The focused inspection with nothing faked: a small export whose fund (370300, 职工) spends far more in July than in
 * July a year before → the expenditure-growth rule finds a fund lead → analyst1 opens its focused inspection through the
 * leads API (once: a second click finds the same) → the analysis (API and page) shows the figures an Elasticsearch
 * query written here computes → the plan an inspector drafts is limited to the region and risk-weighted.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundFocusIT {

	/**
	 * July of a year whose July and the July before hold no settlement yet (settlement months 2033+ are the issue-19
	 * helpers'; this test looks for a free year from a random one on), so that a rerun on the same indices meets a new
	 * fund lead whose growth is its own data's.
	 */
	static int year;
	static Window window;
	static String july;
	static String julyBefore;
	static final String H1 = "H37030300011";
	static final String H2 = "H37030300012";
	static final String FUND = "370300|310";
	static final ObjectMapper JSON = new ObjectMapper();

	/** The export is loaded and the rules run once for both tests. */
	private static String leadId;

	@LocalServerPort int port;
	@Autowired ClaimsLoader loader;
	@Autowired RuleEngine engine;
	@Autowired Leads leads;
	@Autowired ElasticJson elastic;
	@Autowired ClaimIndices claims;
	@Autowired VersionedIndices indices;
	@Autowired TaskGateway tasks;
	@Autowired InspectionPlans plans;

	@BeforeEach
	void exportAndRun() throws Exception {
		if (leadId != null) {
			return;
		}
		year = freeYear();
		window = new Window(LocalDate.of(year, 7, 1), LocalDate.of(year, 7, 31));
		july = year + "-07";
		julyBefore = (year - 1) + "-07";
		String p = "FOCUS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 731, "").person("P2", 732, "")
			.visit("S1", "P1", H1, "11", julyBefore + "-05", "E11.900", SmallExport.DRUG, "100.00")
			.visit("S2", "P2", H2, "11", julyBefore + "-06", "E11.900", SmallExport.DRUG, "200.00")
			.visit("S3", "P1", H1, "11", july + "-05", "E11.900", SmallExport.DRUG, "900.00")
			.visit("S4", "P2", H2, "11", july + "-06", "N18.500", SmallExport.DIALYSIS, "250.00")
			.visit("S5", "P1", H1, "11", july + "-07", "N18.500", SmallExport.DIALYSIS, "300.00");
		LoadRecord load = loader.load(export.writeTo(Path.of("target", "focus-it", p)), "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		RunRecord run = engine.run(new RunRequest(List.of("expenditure-growth", "price-over-ceiling"), window, List.of("3703"),
				"analyst1", "CLI"));
		assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
		Lead lead = leads.ofWindow(window.from(), window.to()).stream()
			.filter(l -> l.partyType().equals("fund") && l.partyKey().equals(FUND)).findFirst().orElseThrow();
		assertThat(lead.rules()).contains("expenditure-growth");
		leadId = lead.id();
	}

	@Test
	@Order(1)
	void aFundLeadOpensOneFocusedInspectionWhoseAnalysisIsWhatElasticsearchSaysAndWhosePlanIsTheRegions() throws Exception {
		String analyst = KeycloakTokens.accessToken("analyst1");
		long id = openThroughTheLeadsApi(analyst);
		var again = Http.post(url("/api/leads/actions"), analyst, "{\"action\":\"OPEN_FOCUS\",\"leadIds\":[\"" + leadId + "\"]}");
		assertThat(JSON.readTree(again.body()).get(0).path("message").asText()).as("one per lead")
			.isEqualTo("已有重点检查 第 " + id + " 号");
		var asApi = Http.post(url("/api/focus"), analyst, "{\"leadId\":\"" + leadId + "\"}");
		assertThat(asApi.statusCode()).as(asApi.body()).isEqualTo(200);
		assertThat(JSON.readTree(asApi.body()).path("id").asLong()).isEqualTo(id);
		JsonNode lead = JSON.readTree(Http.get(url("/api/leads/" + leadId), analyst).body());
		assertThat(lead.path("stateLabel").asText()).as("the lead leaves 待处理").isEqualTo("已开展重点检查");
		assertThat(lead.path("history").toString()).contains("开展重点检查 第 " + id + " 号");
		var institution = Http.post(url("/api/focus"), KeycloakTokens.accessToken("institution1"), "{\"leadId\":\"" + leadId + "\"}");
		assertThat(institution.statusCode()).isEqualTo(403);

		JsonNode analysis = JSON.readTree(Http.get(url("/api/focus/" + id + "/analysis"), analyst).body());
		Map<String, Double> july34 = fundPaidByProvider(july);
		Map<String, Double> july33 = fundPaidByProvider(julyBefore);
		assertThat(analysis.path("current").asDouble()).isCloseTo(sum(july34), within(0.005));
		assertThat(analysis.path("previous").asDouble()).isCloseTo(sum(july33), within(0.005));
		assertThat(analysis.path("institutions").get(0).path("code").asText()).as("the largest increase first").isEqualTo(H1);
		for (JsonNode d : analysis.path("institutions")) {
			String code = d.path("code").asText();
			assertThat(d.path("current").asDouble()).as(code).isCloseTo(july34.getOrDefault(code, 0.0), within(0.005));
			assertThat(d.path("previous").asDouble()).as(code).isCloseTo(july33.getOrDefault(code, 0.0), within(0.005));
		}
		assertThat(analysis.path("institutions").get(0).path("name").asText()).isEqualTo("淄博市第一医院");
		Map<String, Double> items = amountByItem(july);
		for (JsonNode d : analysis.path("items")) {
			assertThat(d.path("current").asDouble()).as(d.path("code").asText())
				.isCloseTo(items.getOrDefault(d.path("code").asText(), 0.0), within(0.005));
		}
		assertThat(analysis.path("items")).hasSize(items.size());
		assertThat(analysis.path("signals").path("expenditure-growth").path(july).asLong())
			.isEqualTo(signalCount("expenditure-growth", "fund", List.of(FUND)));
		assertThat(analysis.path("signals").path("price-over-ceiling").path(july).asLong(0))
			.isEqualTo(signalCount("price-over-ceiling", "provider", List.of(H1, H2)));

		WorkItem analyse = only(id, "Task_AnalyseFundGrowth");
		tasks.complete(analyse.id(), new CurrentUser("analyst1", "分析员", Set.of(Role.ANALYST)),
				Map.of("findings", "一院支出增长最多"));
		WorkItem plan = only(id, "Task_DraftRegionalInspectionPlan");
		tasks.complete(plan.id(), new CurrentUser("inspector1", "检查员", Set.of(Role.INSPECTOR)), Map.of("sampleCount", "1",
				"inspectorsPerInstitution", "2", "planDeadline", LocalDate.now().plusMonths(2).toString()));
		JsonNode focus = JSON.readTree(Http.get(url("/api/focus/" + id), analyst).body());
		assertThat(focus.path("statusLabel").asText()).isEqualTo("检查进行中");
		Plan drafted = plans.get(focus.path("planId").asLong());
		assertThat(drafted.draft().regions()).as("limited to the fund's city").containsExactly("3703");
		assertThat(drafted.draft().riskWeighted()).isTrue();
		assertThat(drafted.draftedBy()).isEqualTo("inspector1");
		assertThat(only(id, "Task_AwaitPlanInspections").candidateGroups()).containsExactly("director");
	}

	/**
	 * After the first test, the plan is drafted and the director decides on the page whether to proceed; the test
	 * ends the focused inspection, so that no analyst task stays open for the tests after it.
	 */
	@Test
	@Order(2)
	void theAnalysisPageShowsTheFundsFiguresAndChartsAsElasticsearchComputesThem() throws Exception {
		long id = openThroughTheLeadsApi(KeycloakTokens.accessToken("analyst1"));
		Map<String, Double> july34 = fundPaidByProvider(july);
		DecimalFormat yuan = new DecimalFormat("#,##0.00");
		try (Browser browser = new Browser()) {
			browser.open(url("/focus/" + id));
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);

			assertThat(browser.waitFor(By.id("current")).getText()).isEqualTo(yuan.format(round(sum(july34))));
			assertThat(browser.driver().findElement(By.cssSelector("#institutions tr[data-code='" + H1 + "'] .current")).getText())
				.isEqualTo(yuan.format(round(july34.get(H1))));
			browser.waitFor(By.cssSelector("#chart-institutions canvas"));
			Object bar = ((JavascriptExecutor) browser.driver()).executeScript(
					"var o = echarts.getInstanceByDom(document.getElementById('chart-institutions')).getOption();"
							+ "var i = o.xAxis[0].data.indexOf('" + july + "');"
							+ "return o.series.filter(function (s) { return s.name === '淄博市第一医院'; })[0].data[i];");
			assertThat(((Number) bar).doubleValue()).isCloseTo(july34.get(H1), within(0.005));
			Map<String, Double> itemsOfJuly = amountByItem(july);
			assertThat(browser.driver().findElements(By.cssSelector("#items tbody tr"))).as("the items' panel, as the institutions'")
				.hasSize(itemsOfJuly.size())
				.allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".current")).getText())
					.isEqualTo(yuan.format(round(itemsOfJuly.get(row.getDomAttribute("data-code"))))));
			browser.waitFor(By.cssSelector("#chart-items canvas"));
			assertThat(browser.driver().findElement(By.id("signals")).getText()).contains("基金支出增长过快");
			String page = browser.driver().findElement(By.tagName("main")).getText();
			assertThat(page).doesNotContain("expenditure-growth", "ANALYSING", "INSPECTING");
			browser.screenshot("focus-analysis");

			// the director's waiting task is worked on the same page, through the task gateway
			browser.driver().findElement(By.id("field-proceedNote")).sendKeys("计划内检查已过半，先行评估");
			browser.driver().findElement(By.id("complete-task")).click();
			browser.waitForText("已办理：等待检查结果或决定推进");
			assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("风险评估中");
			assertThat(browser.driver().findElement(By.id("proceed-note")).getText()).isEqualTo("计划内检查已过半，先行评估");
			assertThat(browser.isPresent(By.id("task-form"))).as("the assessment is the analysts'").isFalse();

			// the analysts assess and resolve; the director signs off on the page, and the focused inspection ends
			CurrentUser analyst = new CurrentUser("analyst1", "分析员", Set.of(Role.ANALYST));
			tasks.complete(only(id, "Task_AssessFundRisk").id(), analyst, Map.of("riskLevel", "HIGH", "causes", "一院住院支出激增"));
			tasks.complete(only(id, "Task_ResolveFundRisk").id(), analyst,
					Map.of("measures", "约谈一院，专项治理住院费用", "measuresWorkingDays", "20"));
			browser.open(url("/focus/" + id));
			browser.waitFor(By.id("field-signOff-APPROVE")).click();
			browser.driver().findElement(By.id("field-signOffOpinion")).sendKeys("同意");
			browser.driver().findElement(By.id("complete-task")).click();
			browser.waitForText("已办理：局领导签批化解措施");
			assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("已办结");
			assertThat(browser.driver().findElement(By.id("risk-level")).getText()).isEqualTo("高风险");
			assertThat(browser.driver().findElement(By.id("measures")).getText()).isEqualTo("约谈一院，专项治理住院费用");
			assertThat(tasks.openOf(FocusedInspections.subject(id), FocusVariables.KEY)).isEmpty();
		}
	}

	/** A year from a random one on whose July and the July before have no settlement in the index. */
	private int freeYear() {
		claims.ensureReadable();
		for (int y = 2040 + new java.util.Random().nextInt(50);; y++) {
			JsonNode r = elastic.send("POST", "/" + claims.settlements() + "/_count", """
					{"query":{"terms":{"settle_month":["%d-07","%d-07"]}}}""".formatted(y, y - 1));
			if (r.path("count").asLong() == 0) {
				return y;
			}
		}
	}

	private long openThroughTheLeadsApi(String token) throws Exception {
		var r = Http.post(url("/api/leads/actions"), token, "{\"action\":\"OPEN_FOCUS\",\"leadIds\":[\"" + leadId + "\"]}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode outcome = JSON.readTree(r.body()).get(0);
		assertThat(outcome.path("done").asBoolean()).as(r.body()).isTrue();
		String message = outcome.path("message").asText();
		assertThat(message).matches("已(开展|有)重点检查 第 \\d+ 号");
		return Long.parseLong(message.replaceAll("\\D", ""));
	}

	private WorkItem only(long id, String key) {
		List<WorkItem> open = tasks.openOf(FocusedInspections.subject(id), FocusVariables.KEY).stream()
			.filter(t -> t.key().equals(key)).toList();
		assertThat(open).hasSize(1);
		return open.getFirst();
	}

	/** The fund's expenditure per institution in one settlement month: the test's own query, a terms aggregation. */
	private Map<String, Double> fundPaidByProvider(String month) {
		JsonNode r = elastic.send("POST", "/" + claims.settlements() + "/_search", """
				{"size":0,"query":{"bool":{"filter":[{"term":{"insured_region":"370300"}},{"term":{"insurance_type":"310"}},
				{"term":{"settle_month":"%s"}}]}},"aggs":{"p":{"terms":{"field":"provider_code","size":1000},
				"aggs":{"f":{"sum":{"field":"fund_paid"}}}}}}""".formatted(month));
		Map<String, Double> out = new HashMap<>();
		r.path("aggregations").path("p").path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("f").path("value").asDouble()));
		return out;
	}

	private Map<String, Double> amountByItem(String month) {
		JsonNode r = elastic.send("POST", "/" + claims.claims() + "/_search", """
				{"size":0,"query":{"bool":{"filter":[{"term":{"insured_region":"370300"}},{"term":{"insurance_type":"310"}},
				{"term":{"settle_month":"%s"}}]}},"aggs":{"i":{"terms":{"field":"item_code","size":1000},
				"aggs":{"a":{"sum":{"field":"amount"}}}}}}""".formatted(month));
		Map<String, Double> out = new HashMap<>();
		r.path("aggregations").path("i").path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("a").path("value").asDouble()));
		return out;
	}

	private long signalCount(String rule, String partyType, List<String> parties) throws Exception {
		JsonNode r = elastic.send("POST", "/" + indices.alias("signals") + "/_count", """
				{"query":{"bool":{"filter":[{"term":{"rule_id":"%s"}},{"term":{"party_type":"%s"}},{"terms":{"party_key":%s}},
				{"term":{"month":"%s"}},{"term":{"suppressed":false}}]}}}""".formatted(rule, partyType, JSON.writeValueAsString(parties), july));
		return r.path("count").asLong();
	}

	private static double sum(Map<String, Double> values) {
		return values.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private static BigDecimal round(double yuan) {
		return BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

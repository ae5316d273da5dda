package org.fundguard.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.documents.DocumentStore;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.inspections.Inspection;
import org.fundguard.inspections.InspectionPlans;
import org.fundguard.inspections.InspectionProcess;
import org.fundguard.inspections.InspectionVariables;
import org.fundguard.inspections.Inspections;
import org.fundguard.inspections.PlanStatus;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.selfinspections.InstitutionReport;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign from its definition through both phases against PostgreSQL, Elasticsearch, Keycloak and the process
 * engine: the director defines it through the API (bad input is refused in Chinese naming the field), its
 * self-inspection reaches the institutions in scope and one refunds, its full plan draws every institution in scope,
 * one inspection opens a case the campaign tags; a confirmed signal and a penalty decision arrive as the appeals and
 * penalties modules publish them (the events are their public contract; their own flows have their own ITs). The
 * progress is checked against what the test did, in total and by region.
 */
@IntegrationTest
class CampaignIT extends CampaignFixture {

	static final String A = "370381";
	static final String B = "370382";
	static final String RULE = "price-over-ceiling";

	@Autowired
	TaskGateway tasks;
	@Autowired
	InspectionPlans plans;
	@Autowired
	Inspections inspections;
	@Autowired
	DocumentStore documents;
	@Autowired
	AuditCases cases;


	private final ObjectMapper json = new ObjectMapper();
	private TransactionTemplate transactions;

	@Test
	void aCampaignRunsBothPhasesAndItsProgressAddsUpByRegion() throws Exception {
		transactions = new TransactionTemplate(transactionManager);
		new CampaignExport().institutions(A, 3, 0).institutions(B, 2, 1).inspectors(4)
			.load(loader, jdbc, elastic, indices.providers(), temp.resolve("export"));
		String director = KeycloakTokens.accessToken("director1");
		String api = "http://localhost:" + port + "/api/campaigns";
		LocalDate today = LocalDate.now(Deadlines.BUREAU_ZONE);
		String name = "医保基金专项整治 " + System.nanoTime();
		String definition = """
				{"name":"%s","from":"%s","to":"%s","regions":["%s","%s"],"types":["hospital"],"ruleIds":["%s"],
				"mode":"FULL","teamSize":2,"selfInspectionDays":10}""".formatted(name, today.minusDays(10),
				today.plusDays(80), A, B, RULE);

		// bad input: a Chinese refusal naming the field, nothing defined; only a director defines
		HttpResponse<String> noRules = Http.post(api, director, definition.replace("\"" + RULE + "\"", ""));
		assertThat(noRules.statusCode()).isEqualTo(400);
		assertThat(noRules.body()).contains("“规则”");
		HttpResponse<String> outside = Http.post(api, director, definition.replace("\"" + A + "\"", "\"3704\""));
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("“范围”", "3704", "辖区");
		HttpResponse<String> random = Http.post(api, director, definition.replace("\"FULL\"", "\"RANDOM\""));
		assertThat(random.body()).contains("“抽取机构数”");
		assertThat(Http.post(api, KeycloakTokens.accessToken("analyst1"), definition).statusCode()).isEqualTo(403);
		assertThat(Http.post(api, KeycloakTokens.accessToken("inspector1"), definition).statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from campaign where name = ?").param(name).query(Long.class).single()).isZero();

		HttpResponse<String> created = Http.post(api, director, definition);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode campaign = json.readTree(created.body());
		long id = campaign.path("id").asLong();
		long planId = campaign.path("planId").asLong();
		long selfInspectionId = campaign.path("selfInspectionId").asLong();
		// a full plan: every hospital in scope, the pharmacy of B is not
		assertThat(campaign.path("sampleCount").asInt()).isEqualTo(5);
		assertThat(campaign.path("progress").path("institutionsInScope").asInt()).isEqualTo(5);
		assertThat(campaign.path("progress").path("covered").asInt()).isZero();

		// self-inspection phase: every hospital in scope is asked; A1 refunds, B2 reports nothing found
		List<InstitutionReport> reports = selfInspections.reports(selfInspectionId);
		assertThat(reports).extracting(InstitutionReport::providerCode).containsExactlyInAnyOrder(CampaignExport.code(A, 1),
				CampaignExport.code(A, 2), CampaignExport.code(A, 3), CampaignExport.code(B, 1), CampaignExport.code(B, 2));
		answer(reports, CampaignExport.code(A, 1), "自查发现超限价收费", new BigDecimal("300.00"));
		answer(reports, CampaignExport.code(B, 2), "未发现问题", null);

		// inspection phase: an inspector submits the drafted plan, a director approves, all five are drawn
		complete(planTask(planId, "Task_DraftPlan"), "inspector1", Role.INSPECTOR, Map.of());
		complete(planTask(planId, "Task_ApprovePlan"), "director1", Role.DIRECTOR,
				Map.of("planDecision", "APPROVE", "decisionOpinion", "同意"));
		awaitPublished(planId);
		List<Inspection> drawn = inspections.ofPlan(planId);
		assertThat(drawn).hasSize(5);
		Inspection a2 = drawn.stream().filter(i -> i.providerCode().equals(CampaignExport.code(A, 2))).findFirst().orElseThrow();
		Inspection a1 = drawn.stream().filter(i -> i.providerCode().equals(CampaignExport.code(A, 1))).findFirst().orElseThrow();
		String doc = documents.store("现场检查记录.pdf", "%PDF-1.4\n现场检查记录\n%%EOF".getBytes(StandardCharsets.UTF_8),
				"inspector1").id();
		record(a2, "FURTHER_HANDLING", "串换药品", doc);
		record(a1, "NO_PROBLEM", "", doc);
		String caseNumber = inspections.get(a2.id()).caseNumber();
		assertThat(caseNumber).isNotNull();
		AuditCase opened = cases.findByNumber(caseNumber).orElseThrow();

		// confirmed signals: one on the campaign's rule in scope counts; another rule, and an institution out of
		// scope (the pharmacy), do not; the same event delivered twice counts once
		String issued = "campaign-it-" + System.nanoTime();
		confirm(issued, CampaignExport.code(B, 1), RULE, "120.00", today);
		confirm(issued, CampaignExport.code(B, 1), RULE, "120.00", today);
		confirm(issued + "-other-rule", CampaignExport.code(B, 1), "dialysis-frequency", "50.00", today);
		confirm(issued + "-pharmacy", CampaignExport.pharmacy(B, 3), RULE, "70.00", today);
		long penaltyId = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		transactions.executeWithoutResult(t -> events.publishEvent(new PenaltyDecided(penaltyId, caseNumber, "淄医保罚〔IT〕1号",
				true, a2.providerCode(), a2.providerName(), "38", new BigDecimal("1000.00"), new BigDecimal("500.00"), today,
				null)));

		// the facts the campaign recorded: the case, the signal and the penalty, once each
		assertThat(jdbc.sql("select kind, source_key from campaign_fact where campaign_id = ? order by kind")
			.param(id).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list())
			.containsExactly("CASE:" + opened.id(), "PENALTY:" + penaltyId, "SIGNAL:" + issued);

		JsonNode progress = json.readTree(Http.get(api + "/" + id, KeycloakTokens.accessToken("analyst1")).body());
		JsonNode total = progress.path("progress");
		assertThat(total.path("institutionsInScope").asInt()).isEqualTo(5);
		// covered: A1 (reported and inspected), B2 (reported), A2 (inspected)
		assertThat(total.path("covered").asInt()).isEqualTo(3);
		assertThat(total.path("selfReportedRefunds").decimalValue()).isEqualByComparingTo("300.00");
		assertThat(total.path("signalsConfirmed").asInt()).isEqualTo(1);
		assertThat(total.path("cases").asInt()).isEqualTo(1);
		assertThat(total.path("penalties").asInt()).isEqualTo(1);
		// the ledger: the refund, the confirmed signal and what the penalty orders returned (the fine is no recovery)
		assertThat(total.path("recovered").decimalValue()).isEqualByComparingTo("1420.00");
		Map<String, JsonNode> byRegion = new HashMap<>();
		progress.path("byRegion").forEach(r -> byRegion.put(r.path("region").asText(), r));
		assertThat(byRegion).containsOnlyKeys(A, B);
		assertThat(byRegion.get(A).path("institutionsInScope").asInt()).isEqualTo(3);
		assertThat(byRegion.get(A).path("covered").asInt()).isEqualTo(2);
		assertThat(byRegion.get(A).path("cases").asInt()).isEqualTo(1);
		assertThat(byRegion.get(A).path("recovered").decimalValue()).isEqualByComparingTo("1300.00");
		assertThat(byRegion.get(B).path("covered").asInt()).isEqualTo(1);
		assertThat(byRegion.get(B).path("signalsConfirmed").asInt()).isEqualTo(1);
		assertThat(byRegion.get(B).path("recovered").decimalValue()).isEqualByComparingTo("120.00");
		assertThat(progress.path("cases").get(0).asText()).isEqualTo(caseNumber);

		// the case page names the campaign the case was opened in
		WebSession page = WebSession.signIn("http://localhost:" + port, "director1", DemoUsers.PASSWORD);
		assertThat(page.page("/cases/" + caseNumber).getElementById("case-tags").text()).contains(name);

		// the dashboard's view of it
		assertThat(json.readTree(Http.get(api, KeycloakTokens.accessToken("inspector1")).body()).findValues("id"))
			.extracting(JsonNode::asLong).contains(id);
		assertThat(Http.get(api + "/" + id, KeycloakTokens.accessToken("institution1")).statusCode()).isEqualTo(403);
		assertThat(Http.get(api + "/" + id, null).statusCode()).isEqualTo(401);
		assertThat(Http.get(api + "/999999999", director).statusCode()).isEqualTo(404);
		Set<Long> current = new HashSet<>();
		campaigns.progressOn(today).forEach(p -> current.add(Long.parseLong(p.campaignId())));
		assertThat(current).contains(id);
		CampaignProgress mine = campaigns.progressOn(today).stream().filter(p -> p.campaignId().equals(String.valueOf(id)))
			.findFirst().orElseThrow();
		assertThat(mine.covered()).isEqualTo(3);
		assertThat(mine.recovered()).isEqualByComparingTo("1420.00");
		assertThat(campaigns.progressOn(today.plusYears(2)).stream().map(CampaignProgress::campaignId))
			.doesNotContain(String.valueOf(id));
	}

	@Autowired
	Campaigns campaigns;

	private void answer(List<InstitutionReport> reports, String code, String found, BigDecimal refunded) {
		long reportId = reports.stream().filter(r -> r.providerCode().equals(code)).findFirst().orElseThrow().id();
		selfInspections.answer(reportId, found, List.of(), refunded == null ? List.of() : List.of(RULE), refunded, "institution");
	}

	private void confirm(String issuedSignalId, String providerCode, String rule, String amount, LocalDate on) {
		transactions.executeWithoutResult(t -> events.publishEvent(new SignalConfirmed(issuedSignalId, null, providerCode, rule,
				rule + "|" + providerCode + "|2033-01", new BigDecimal(amount), "机构确认", on, SignalConfirmed.How.ACCEPTED)));
	}

	private void record(Inspection inspection, String result, String note, String doc) {
		WorkItem task = tasks.openOf(InspectionProcess.subject(inspection.planId()), InspectionVariables.KEY).stream()
			.filter(t -> tasks.values(t.id()).raw(InspectionVariables.INSPECTION_ID) instanceof Long i && i == inspection.id())
			.findFirst().orElseThrow();
		complete(task, "inspector1", Role.INSPECTOR,
				Map.of("inspectionResult", result, "resultNote", note, "recordDocumentId", doc));
	}

	private WorkItem planTask(long planId, String key) {
		return tasks.openOf(InspectionProcess.subject(planId), InspectionVariables.KEY).stream()
			.filter(t -> t.key().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError("plan " + planId + " has no open " + key));
	}

	private void complete(WorkItem task, String user, Role role, Map<String, String> form) {
		tasks.complete(task.id(), new CurrentUser(user, user, Set.of(role)), form);
	}

	private void awaitPublished(long planId) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < end) {
			PlanStatus s = plans.get(planId).status();
			if (s == PlanStatus.PUBLISHED) {
				return;
			}
			if (s == PlanStatus.DRAW_STOPPED) {
				throw new AssertionError("the draw stopped");
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the draw did not run within 60 s: " + plans.get(planId).status());
	}
}

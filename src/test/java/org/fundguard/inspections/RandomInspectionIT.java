package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.CaseSource;
import org.fundguard.documents.DocumentStore;
import org.fundguard.identity.Role;
import org.fundguard.institutions.ProviderAgreements;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plan from draft to closing against the real database, Elasticsearch and process engine: the directory comes from
 * the loaded providers index, suspended institutions are not drawn, recusal holds, the published draw verifies,
 * further handling opens an audit case with the on-site record as evidence, and a draw without enough inspectors
 * keeps nothing and can be retried once the pool is fixed.
 */
@IntegrationTest
class RandomInspectionIT extends PlanDrawing {

	@Autowired
	InspectorPool pool;
	@Autowired
	DocumentStore documents;
	@Autowired
	AuditCases cases;
	@Autowired
	EnforcementRecord record;
	@Autowired
	ProviderAgreements agreements;
	@Autowired
	Deadlines deadlines;



	private long approvedPlan(InspectionExport export, int count) {
		PlanDraft draft = new PlanDraft("IT 抽查 " + export.prefix, LocalDate.now().getYear(), List.of(export.region), List.of(),
				List.of(), count, null, DrawParameters.Stratification.NONE, false, 2, LocalDate.now().plusDays(60));
		long id = process.start(draft, InspectionExport.user("inspector1", Role.INSPECTOR));
		tasks.complete(InspectionExport.planTask(tasks, id, "Task_DraftPlan").id(),
				InspectionExport.user("inspector1", Role.INSPECTOR), Map.of());
		tasks.complete(InspectionExport.planTask(tasks, id, "Task_ApprovePlan").id(),
				InspectionExport.user("director1", Role.DIRECTOR), Map.of("planDecision", "APPROVE", "decisionOpinion", "同意"));
		assertThat(plans.get(id).decidedBy()).isEqualTo("director1");
		return id;
	}

	private PlanStatus awaitDraw(long planId) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < end) {
			PlanStatus s = plans.get(planId).status();
			if (s == PlanStatus.PUBLISHED || s == PlanStatus.DRAW_STOPPED) {
				// the stopped draw's task is created in the same transaction as the status
				return s;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the draw did not run within 60 s: " + plans.get(planId).status());
	}

	@Test
	void aPlanIsDrawnFromTheLoadedDirectoryPublishedVerifiedInspectedAndClosed() throws Exception {
		InspectionExport export = new InspectionExport("370391").hospitals(10).provider(11, "suspended");
		export.inspectors(4, "370300", export.code(1), export.code(2), export.code(3)).inspectors(1, "370391");
		export.load(loader, jdbc, elastic, indices.providers(), temp.resolve("export"));
		agreements.suspend(export.code(10), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), "IT", null, Actor.SYSTEM);

		long planId = approvedPlan(export, 4);
		assertThat(awaitDraw(planId)).isEqualTo(PlanStatus.PUBLISHED);

		DrawRecord draw = draws.current(planId).orElseThrow();
		PublishedDraw published = draws.published(draw.id());
		assertThat(published.verify().problems()).isEmpty();
		assertThat(published.directory()).hasSize(9).noneMatch(e -> e.code().equals(export.code(10)));
		assertThat(published.excluded()).extracting(PublishedDraw.Excluded::code).containsExactlyInAnyOrder(export.code(10), export.code(11));
		assertThat(published.pool()).extracting(PoolEntry::id).containsExactlyInAnyOrder(export.inspector(1), export.inspector(2),
				export.inspector(3), export.inspector(4), export.inspector(5));
		List<Inspection> drawn = inspections.ofPlan(planId);
		assertThat(drawn).hasSize(4).allSatisfy(i -> {
			assertThat(i.team()).hasSize(2);
			// inspector 5 works in the institutions' own region; inspector 1 declared conflicts with 1–3
			assertThat(i.team()).extracting(Inspection.Member::inspectorId).doesNotContain(export.inspector(5));
			if (List.of(export.code(1), export.code(2), export.code(3)).contains(i.providerCode())) {
				assertThat(i.team()).extracting(Inspection.Member::inspectorId).doesNotContain(export.inspector(1));
			}
		});
		assertThat(published.result().skipped()).anyMatch(s -> s.reason() == DrawResult.Reason.SAME_REGION);

		// the public sees the plan, the proof and the inputs without signing in
		var planPage = Http.get("http://localhost:" + port + "/public/inspections/plans/" + planId, null);
		assertThat(planPage.statusCode()).isEqualTo(200);
		assertThat(planPage.body()).contains(drawn.getFirst().providerName(), draw.commitment());
		var inputs = Http.get("http://localhost:" + port + "/public/inspections/draws/" + draw.id() + "/inputs.json", null);
		assertThat(DrawCommand.reader().readValue(inputs.body(), PublishedDraw.class).verify().matches()).isTrue();

		// one inspection needs further handling: a case opens with the on-site record as evidence
		Inspection first = drawn.getFirst();
		String doc = documents.store("现场检查记录.pdf", "%PDF-1.4\n现场检查记录\n%%EOF".getBytes(StandardCharsets.UTF_8), "inspector1").id();
		tasks.complete(InspectionExport.inspectionTask(tasks, first).id(), InspectionExport.user("inspector1", Role.INSPECTOR),
				InspectionExport.form("inspectionResult", "FURTHER_HANDLING", "resultNote", "串换药品", "recordDocumentId", doc));
		Inspection recorded = inspections.get(first.id());
		assertThat(recorded.recordedBy()).isEqualTo("inspector1");
		assertThat(deadlines.lastDayOf(recorded.publicationDue())).as("published within 20 working days")
			.isEqualTo(deadlines.lastDayOf(deadlines.workingDaysFromNow(20)));
		assertThat(InspectionExport.inspectionTask(tasks, first).due().toInstant())
			.isEqualTo(recorded.publicationDue().toInstant());
		publicationDeadlineFollowsTheCalendar(first, recorded.publicationDue().toInstant());
		assertThat(recorded.caseNumber()).isNotNull();
		AuditCase opened = cases.findByNumber(recorded.caseNumber()).orElseThrow();
		assertThat(opened.source()).isEqualTo(CaseSource.INSPECTION);
		assertThat(opened.sourceRef()).isEqualTo(String.valueOf(first.id()));
		assertThat(opened.subjectKey()).isEqualTo(first.providerCode());
		assertThat(record.entries(opened.id())).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("INSPECTION_EVIDENCE");
			assertThat(e.documentHashes()).containsExactly(recorded.recordSha256());
		});
		assertThat(record.verify(opened.id()).intact()).isTrue();

		for (Inspection other : drawn.subList(1, drawn.size())) {
			tasks.complete(InspectionExport.inspectionTask(tasks, other).id(), InspectionExport.user("inspector2", Role.INSPECTOR),
					InspectionExport.form("inspectionResult", "NO_PROBLEM", "resultNote", "", "recordDocumentId", doc));
		}
		for (Inspection i : drawn) {
			tasks.complete(InspectionExport.inspectionTask(tasks, i).id(), InspectionExport.user("inspector2", Role.INSPECTOR),
					Map.of());
		}
		assertThat(plans.get(planId).status()).isEqualTo(PlanStatus.CLOSED);
		assertThat(inspections.publishedResults()).extracting(Inspection::id).contains(first.id());
		assertThat(Http.get("http://localhost:" + port + "/public/inspections/results", null).body()).contains(first.providerName(),
				"发现问题需进一步处理");
	}

	/**
	 * A make-up working Saturday before the result's publication deadline brings the deadline and the task's due date
	 * one working day closer; removing it again puts them back.
	 */
	private void publicationDeadlineFollowsTheCalendar(Inspection inspection, Instant due) throws Exception {
		LocalDate saturday = LocalDate.now(Deadlines.BUREAU_ZONE).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		assertThat(saturday).isBefore(deadlines.lastDayOf(due));
		String day = "/api/calendar/days/" + saturday;
		HttpResponse<String> set = calendar(HttpRequest.newBuilder(URI.create("http://localhost:" + port + day))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"workday\",\"name\":\"测试调休\",\"notice\":\"测试通知\"}")));
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		try {
			Instant moved = inspections.get(inspection.id()).publicationDue().toInstant();
			assertThat(deadlines.lastDayOf(moved)).isBefore(deadlines.lastDayOf(due));
			assertThat(InspectionExport.inspectionTask(tasks, inspection).due().toInstant()).isEqualTo(moved);
			assertThat(set.body()).contains("结果公示期限");
		}
		finally {
			HttpResponse<String> removed = calendar(HttpRequest.newBuilder(URI.create("http://localhost:" + port + day
					+ "?notice=" + URLEncoder.encode("测试结束", StandardCharsets.UTF_8))).DELETE());
			assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		}
		assertThat(inspections.get(inspection.id()).publicationDue().toInstant()).isEqualTo(due);
		assertThat(InspectionExport.inspectionTask(tasks, inspection).due().toInstant()).isEqualTo(due);
	}

	private static HttpResponse<String> calendar(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + KeycloakTokens.accessToken("admin1"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aDrawWithoutEnoughEligibleInspectorsKeepsNothingAndIsRetriedAfterThePoolIsFixed() throws Exception {
		InspectionExport export = new InspectionExport("370392").hospitals(3);
		export.inspectors(1, "370300").inspectors(2, "370392");
		export.load(loader, jdbc, elastic, indices.providers(), temp.resolve("export"));

		long planId = approvedPlan(export, 1);
		assertThat(awaitDraw(planId)).isEqualTo(PlanStatus.DRAW_STOPPED);

		DrawRecord voided = draws.current(planId).orElseThrow();
		assertThat(voided.status()).isEqualTo("VOID");
		assertThat(voided.failure()).contains("可选执法检查人员不足", "需要 2 名，回避后仅有 1 名", "未保存任何结果");
		assertThat(voided.revealed()).isTrue();
		assertThat(inspections.ofPlan(planId)).isEmpty();
		assertThat(jdbc.sql("select count(*) from inspection_team_member m join inspection i on i.id = m.inspection_id where i.plan_id = ?")
			.param(planId).query(Long.class).single()).isZero();
		var task = InspectionExport.planTask(tasks, planId, "Task_DecideStoppedDraw");
		assertThat(tasks.values(task.id()).text("drawProblem")).contains("可选执法检查人员不足");

		pool.setActive(export.inspector(2), false, "调离", "director1");
		jdbc.sql("update inspection_inspector set region = '370300' where inspector_id = ?").param(export.inspector(3)).update();
		tasks.complete(task.id(), InspectionExport.user("director1", Role.DIRECTOR), Map.of("drawStopDecision", "RETRY"));
		assertThat(awaitDraw(planId)).isEqualTo(PlanStatus.PUBLISHED);

		assertThat(draws.attempts(planId)).extracting(DrawRecord::status).containsExactly("VOID", "DRAWN");
		assertThat(inspections.ofPlan(planId)).singleElement().satisfies(i -> assertThat(i.team())
			.extracting(Inspection.Member::inspectorId)
			.containsExactlyInAnyOrder(export.inspector(1), export.inspector(3)));
		assertThat(pool.changes()).anyMatch(c -> c.inspectorId().equals(export.inspector(2)) && c.changedBy().equals("director1")
				&& c.newValue().equals("停用"));
	}
}

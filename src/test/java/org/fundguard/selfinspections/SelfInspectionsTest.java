package org.fundguard.selfinspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.rules.Signal;
import org.fundguard.rules.SignalSearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A self-inspection on the application's own engine and database (in-memory H2, timers executed by the test): the
 * launch, an institution reading its own masked hits and reporting a refund (the event the recovery ledger books),
 * another institution refused that report, the deadline marking the silent one, the facts the penalty procedure
 * reads, the progress and the director's close. Elasticsearch stands in through the claims directory and the signal
 * search.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:self-inspections;DB_CLOSE_DELAY=-1",
		// one user for H2, whatever owner and role the environment names for PostgreSQL
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.user=sa", "spring.flyway.password=",
		"camunda.bpm.job-execution.enabled=false", "fundguard.data-dir=${java.io.tmpdir}/fundguard-self-inspections-test" })
@RecordApplicationEvents
class SelfInspectionsTest {

	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));
	static final CurrentUser ANALYST = new CurrentUser("analyst1", "王芳", Set.of(Role.ANALYST));
	static final CurrentUser INSTITUTION1 = new CurrentUser("institution1", "一院", Set.of(Role.INSTITUTION), "H001");
	static final CurrentUser INSTITUTION2 = new CurrentUser("institution2", "二院", Set.of(Role.INSTITUTION), "H002");
	static final String PERSON = "37030291234567890123";

	@MockitoBean ClaimsDirectory directory;
	@MockitoBean SignalSearch signals;
	@MockitoBean Leads leads;
	@Autowired SelfInspections selfInspections;
	@Autowired InstitutionSelfInspections institution;
	@Autowired SelfInspectionFacts facts;
	@Autowired TaskGateway gateway;
	@Autowired ManagementService management;
	@Autowired RuntimeService runtime;
	@Autowired ApplicationEvents events;

	@Test
	void anInstitutionReportsItsOwnHitsAndRefundTheOtherMissesTheDeadlineAndTheDirectorCloses() {
		when(directory.provider("H001")).thenReturn(Optional.of(new Provider("H001", "第一医院", "hospital", "2", "370302", "active")));
		when(directory.provider("H002")).thenReturn(Optional.of(new Provider("H002", "第二医院", "hospital", "2", "370303", "active")));
		when(signals.ofProvider(eq("H001"), any(), any(), any())).thenReturn(List.of(new Signal("price-over-ceiling",
				"S100|" + PERSON, "2026-01-01", "2026-06-30", new BigDecimal("800.00"), "参保人 " + PERSON + " 单价超限价",
				List.of(), List.of("S100"))));
		SelfInspectionDraft draft = new SelfInspectionDraft("2026 年上半年超标准收费自查", List.of("price-over-ceiling",
				"quantity-over-limit"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), List.of(), List.of(),
				List.of("H001", "H002"), 10);

		assertThatThrownBy(() -> selfInspections.launch(draft, ANALYST)).isInstanceOf(Refused.class);
		long id = selfInspections.launch(draft, DIRECTOR);

		List<InstitutionReport> reports = selfInspections.reports(id);
		assertThat(reports).extracting(InstitutionReport::providerCode).containsExactly("H001", "H002");
		long mine = reports.get(0).id();
		long theirs = reports.get(1).id();
		assertThat(institution.mine(INSTITUTION1)).extracting(InstitutionReport::id).containsExactly(mine);

		// its own hits, with the person's id masked; another institution gets 404 for the same report, read or write
		InstitutionSelfInspections.View view = institution.view(mine, INSTITUTION1);
		assertThat(view.task()).isNotNull();
		SelfInspectionHit hit = view.hits().getFirst();
		assertThat(hit.ruleName()).isEqualTo("超标准收费（单价超过限价）");
		assertThat(hit.description()).doesNotContain(PERSON).contains("370302");
		assertThat(hit.id()).doesNotContain(PERSON).startsWith("price-over-ceiling|S100|");
		assertThatThrownBy(() -> institution.view(mine, INSTITUTION2)).isInstanceOfSatisfying(Refused.class,
				e -> assertThat(e.reason()).isEqualTo(Refused.Reason.NOT_FOUND));
		assertThatThrownBy(() -> institution.report(mine, INSTITUTION2, "无", "", "", "")).isInstanceOfSatisfying(
				Refused.class, e -> assertThat(e.reason()).isEqualTo(Refused.Reason.NOT_FOUND));

		assertThatThrownBy(() -> institution.report(mine, INSTITUTION1, "有问题", "", "", "100"))
			.hasMessage("主动退回金额须注明对应的规则或确认的疑点");
		institution.report(mine, INSTITUTION1, "超限价收费 1 笔，已整改", hit.id(), "", "1200.50");

		InstitutionReport reported = selfInspections.report(mine);
		assertThat(reported.status()).isEqualTo(InstitutionReport.Status.REPORTED);
		assertThat(reported.reportedRules()).containsExactly("price-over-ceiling");
		assertThat(reported.refunded()).isEqualByComparingTo("1200.50");
		assertThat(events.stream(SelfInspectionRefunded.class)).singleElement().satisfies(e -> {
			assertThat(e.reportId()).isEqualTo(String.valueOf(mine));
			assertThat(e.providerCode()).isEqualTo("H001");
			assertThat(e.ruleIds()).isEqualTo("price-over-ceiling");
			assertThat(e.refunded()).isEqualByComparingTo("1200.50");
		});
		assertThatThrownBy(() -> institution.report(mine, INSTITUTION1, "再报", "", "", "")).isInstanceOf(Refused.class);

		// while the other's report is awaited nothing is held against it; at the deadline it is marked not reported
		assertThat(facts.of("H002", "price-over-ceiling").kind()).isEqualTo(SelfInspectionFact.Kind.NONE);
		var timer = management.createJobQuery().timers().processInstanceId(selfInspections.get(id).processInstanceId())
			.singleResult();
		management.executeJob(timer.getId());
		assertThat(selfInspections.report(theirs).status()).isEqualTo(InstitutionReport.Status.OVERDUE);

		assertThat(facts.of("H001", "price-over-ceiling").kind()).isEqualTo(SelfInspectionFact.Kind.REPORTED_AND_REFUNDED);
		assertThat(facts.of("H001", "price-over-ceiling").cause()).contains("主动报告并退回 1200.50 元");
		assertThat(facts.of("H001", "quantity-over-limit").kind()).isEqualTo(SelfInspectionFact.Kind.NOT_REPORTED);
		assertThat(facts.of("H002", "price-over-ceiling").kind()).isEqualTo(SelfInspectionFact.Kind.NOT_REPORTED);
		assertThat(facts.of("H002", "price-over-ceiling", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)).kind())
			.isEqualTo(SelfInspectionFact.Kind.NONE);
		assertThat(facts.of("H001", "after-death").kind()).isEqualTo(SelfInspectionFact.Kind.NONE);
		// a lead of the institution asks for each of its rules over the lead's window
		when(leads.find("lead-1")).thenReturn(Optional.of(new Lead("lead-1", "provider", "H001", LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), "run", 3, 0, "price-over-ceiling,quantity-over-limit,after-death",
				new BigDecimal("900"), 9.5, "OPEN", null)));
		assertThat(facts.ofLead("H001", "lead-1")).extracting(SelfInspectionFact::kind).containsExactly(
				SelfInspectionFact.Kind.REPORTED_AND_REFUNDED, SelfInspectionFact.Kind.NOT_REPORTED, SelfInspectionFact.Kind.NONE);
		assertThat(facts.ofLead("H001", "no-such-lead")).isEmpty();

		Progress progress = selfInspections.progress(id);
		assertThat(progress).isEqualTo(new Progress(2, 1, 1, 0, new BigDecimal("1200.50")));

		var close = gateway.openOf(SelfInspections.subject(id), SelfInspectionVariables.KEY).getFirst();
		assertThat(close.key()).isEqualTo("Task_CloseSelfInspection");
		gateway.complete(close.id(), DIRECTOR, java.util.Map.of("closingNote", "一家报告，一家逾期"));
		assertThat(selfInspections.get(id).status()).isEqualTo(SelfInspection.Status.CLOSED);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(selfInspections.get(id).processInstanceId()).count())
			.isZero();
	}
}

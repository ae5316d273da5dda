package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.documents.DocumentStore;
import org.fundguard.institutions.ProviderAgreements;
import org.fundguard.process.TaskGateway;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.fundguard.support.MutableClock;

/** Every path through penalty-decision.bpmn, on the application's engine and modules. */
@ProcessTestSetup
class PenaltyDecisionProcessTest {

	@Autowired ProcessEngine engine;
	@Autowired AuditCases cases;
	@Autowired Penalties penalties;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired TaskGateway gateway;
	@Autowired EnforcementRecord record;
	@Autowired DocumentStore documents;
	@Autowired ProviderAgreements agreements;
	@Autowired MutableClock clock;
	@Autowired Deadlines deadlines;
	@Autowired PenaltyDecisions decisions;
	@Autowired PublicDecisions publicDecisions;
	@Autowired PenaltyDeadlines penaltyDeadlines;
	@Autowired org.fundguard.recovery.RecoveryLedger recoveries;

	PenaltyDriver d;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		clock.set(ProcessTestSetup.START);
		d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
	}

	@Test
	void theProcedureRegistersItselfForTheCaseThatCalledIt() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38");

		assertThat(d.instance).hasPassed("Task_RegisterProcedure").isWaitingAt("Task_ApproveFiling");
		assertThat(d.instance.getBusinessKey()).isEqualTo(d.caseNumber);
		PenaltyCase p = d.penalty();
		assertThat(p.caseId()).isEqualTo(d.caseId);
		assertThat(p.status()).isEqualTo(PenaltyStatus.REQUESTED);
		assertThat(entry("PENALTY_REQUESTED").actorId()).as("requested by the director who decided the outcome")
			.isEqualTo("director1");
		assertThat(cases.find(d.caseId).orElseThrow().status()).as("the case set its own status on calling")
			.isEqualTo(CaseStatus.PENALTY);
	}

	@Test
	void aRefusedFilingEndsTheProcedureAndTheCaseClosesWithThatOnRecord() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38");
		assertThat(d.instance).isWaitingAt("Task_ApproveFiling");
		assertThat(d.task("Task_ApproveFiling")).hasCandidateGroup("director");

		d.complete("Task_ApproveFiling", "director1", "filingApproved", false, "filingOpinion", "证据不足");

		assertThat(d.instance).hasPassed("Task_ConcludeRefusedFiling").isEnded();
		assertThat(d.instance).hasNotPassed("SubProcess_UntilDecision");
		assertThat(d.penalty().status()).isEqualTo(PenaltyStatus.FILING_REFUSED);
		assertThat(d.auditCase).hasPassedInOrder("CallActivity_PenaltyProcedure", "Task_RecordPenaltyNotFiled",
			"Task_CloseCase").isEnded();
		assertThat(cases.find(d.caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(actions()).containsSubsequence("PENALTY_REQUESTED", "PENALTY_FILING_REFUSED",
				"PENALTY_PROCEDURE_CONCLUDED", "CASE_CLOSED");
		assertThat(entry("PENALTY_PROCEDURE_CONCLUDED").detail()).contains("不予立案");
	}

	@Test
	void aSmallCaseNeedsNoHearingNoLegalReviewNoDeliberationAndEndsClosed() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("");
		PenaltyCase p = d.penalty();
		assertThat(p.proposal().fine()).isEqualByComparingTo("15000.00");
		assertThat(p.decisionDeadline()).isEqualTo(deadlines.afterDays(ProcessTestSetup.START, 90).toInstant()
			.atOffset(p.decisionDeadline().getOffset()));
		assertThat(p.notice().number()).matches("淄医保罚告〔2026〕\\d+号");
		byte[] noticePdf = documents.content(documents.find(p.notice().pdfId()).orElseThrow());
		assertThat(new String(noticePdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		d.serveNotice().complete("Task_RecordDefence", "inspector1", "defence", "无", "hearingRequested", false,
				"factors", "");
		assertThat(d.instance).hasPassed("Task_AssessReview").hasNotPassed("CallActivity_LegalReview", "Task_Deliberate")
			.isWaitingAt("Task_MakeDecision");

		d.decideServePublish();
		assertThat(d.instance).isWaitingAt("Task_RecordPayment");
		d.complete("Task_RecordPayment", "inspector2", "paidAmount", 25000, "paidOn", LocalDate.now(clock).toString());

		assertThat(d.instance).hasPassedInOrder("Task_ApplyMeasures", "Task_RecordPayment", "Task_ClosePenalty",
				"Event_PenaltyClosed").isEnded();
		p = d.penalty();
		assertThat(p.status()).isEqualTo(PenaltyStatus.CLOSED);
		assertThat(p.decision().number()).matches("淄医保罚〔2026〕\\d+号");
		assertThat(p.decision().publishedAt()).isNotNull();
		assertThat(d.auditCase).as("the audit case closes itself once the penalty was carried out")
			.hasPassedInOrder("Task_RecordPenaltyCarriedOut", "Task_CloseCase").isEnded();
		assertThat(cases.find(d.caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		RecordEntry decided = entry("DECISION_MADE");
		assertThat(decided.documentHashes()).containsExactly(documents.find(p.decision().htmlId()).orElseThrow().sha256(),
				documents.find(p.decision().pdfId()).orElseThrow().sha256());
		assertThat(record.verify(d.caseId).intact()).isTrue();
	}

	/** Issue 18: the decision publishes PenaltyDecided in its transaction; the recovery ledger books the ordered return. */
	@Test
	void aDecisionAgainstAnInstitutionBooksItsOrderedReturnInTheRecoveryLedgerOnce() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("");
		d.serveNotice().complete("Task_RecordDefence", "inspector1", "defence", "无", "hearingRequested", false,
				"factors", "");
		var filter = new org.fundguard.recovery.RecoveryFilter(null, null, d.providerCode, null, null);
		assertThat(recoveries.entries(filter)).as("nothing is booked before the decision").isEmpty();

		d.decideServePublish();

		PenaltyCase p = d.penalty();
		assertThat(recoveries.entries(filter)).singleElement().satisfies(e -> {
			assertThat(e.source()).isEqualTo(org.fundguard.recovery.RecoverySource.PENALTY);
			assertThat(e.sourceKey()).isEqualTo(Long.toString(p.id()));
			assertThat(e.amount()).isEqualByComparingTo(p.proposal().recovery()).isEqualByComparingTo("10000");
			assertThat(e.providerName()).isEqualTo("淄博某医院");
			assertThat(e.reason()).contains(p.decision().number(), "责令退回");
			assertThat(e.bookedOn()).isEqualTo(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
		});
	}

	@Test
	void aFraudCaseWithAHearingIsReviewedInTwoRoundsDeliberatedAndSuspendsTheAgreement() {
		d.handOver(SubjectType.INSTITUTION, "淄博某民营医院", "20000", Intent.FRAUD, "40").fileAndPropose("");
		assertThat(d.penalty().proposal().measureMonths()).isEqualTo(9);
		d.serveNotice().complete("Task_RecordDefence", "inspector1", "defence", "部分项目系系统错误", "hearingRequested", true,
				"factors", "");
		assertThat(d.instance).isWaitingAt("Task_HoldHearing");

		d.complete("Task_HoldHearing", "inspector2", "hearingRecord", "当事人承认事实，已主动退回", "factors", "returned-voluntarily");
		assertThat(d.penalty().proposal().fine()).as("lowered after the hearing").isEqualByComparingTo("55000.00");
		assertThat(d.instance).isWaitingAt("CallActivity_LegalReview");

		d.complete("Task_ReviewPenalty", "reviewer1", "authorityOk", true, "factsOk", true, "evidenceOk", false,
				"procedureOk", true, "applicationOfLawOk", true, "discretionOk", true, "reviewOutcome", "RETURN",
				"reviewOpinion", "缺少结算明细证据");
		assertThat(d.task("Task_RevisePenalty").getAssignee()).as("back to the investigator").isEqualTo("inspector1");
		d.complete("Task_RevisePenalty", "inspector1", "revision", "已补充结算明细", "factors", "returned-voluntarily");
		d.complete("Task_ReviewPenalty", "reviewer1", "authorityOk", true, "factsOk", true, "evidenceOk", true,
				"procedureOk", true, "applicationOfLawOk", true, "discretionOk", true, "reviewOutcome", "APPROVE",
				"reviewOpinion", "同意");

		assertThat(d.instance).hasPassed("CallActivity_LegalReview").isWaitingAt("Task_Deliberate");
		d.complete("Task_Deliberate", "director1", "deliberationConclusion", "局务会议讨论同意");
		d.decideServePublish();
		d.complete("Task_RecordPayment", "inspector2", "paidAmount", "75000", "paidOn", LocalDate.now(clock).toString());

		assertThat(d.instance).isEnded();
		assertThat(actions()).containsSubsequence("HEARING_HELD", "LEGAL_REVIEW_REQUESTED", "LEGAL_REVIEW_RETURNED",
				"LEGAL_REVIEW_RESUBMITTED", "LEGAL_REVIEW_APPROVED", "COLLECTIVE_DELIBERATION", "DECISION_MADE",
				"MEASURES_APPLIED", "PAYMENT_RECORDED", "PENALTY_CLOSED");
		assertThat(agreements.statusOn(d.providerCode, LocalDate.now(clock))).isEqualTo("suspended");
		assertThat(agreements.measures(d.providerCode).getFirst().until())
			.isEqualTo(LocalDate.now(clock).plusMonths(8).minusDays(1));
	}

	@Test
	void theDefenceCanNeverRaiseThePenalty() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("cooperated")
			.serveNotice();

		assertThatThrownBy(() -> d.complete("Task_RecordDefence", "inspector1", "defence", "不服", "hearingRequested", false,
				"factors", "obstructed")).isInstanceOf(PenaltyMayNotRise.class).hasMessageContaining("不得加重处罚");
		assertThat(d.instance).isWaitingAt("Task_RecordDefence");
		assertThat(d.penalty().proposal().fine()).isEqualByComparingTo("12500.00");

		d.complete("Task_RecordDefence", "inspector1", "defence", "已改正", "hearingRequested", false, "factors",
				"cooperated,corrected");
		assertThat(d.penalty().proposal().fine()).as("lowering is allowed").isEqualByComparingTo("10000.00");
	}

	@Test
	void theDefencePeriodLapsesWithoutAStatementAndTheProcedureGoesOn() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("").serveNotice();
		assertThat(d.task("Task_RecordDefence").getDueDate()).isEqualTo(d.timer("Event_DefencePeriodLapsed").getDuedate());

		d.fire("Event_DefencePeriodLapsed");

		assertThat(d.instance).hasPassed("Task_RecordDefenceLapsed").hasNotPassed("Task_HoldHearing")
			.isWaitingAt("Task_MakeDecision");
		assertThat(actions()).contains("DEFENCE_PERIOD_LAPSED");
	}

	@Test
	void anExtensionNeedsTheDirectorAndASecondOneACollectiveDecision() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38");
		d.complete("Task_ApproveFiling", "director1", "filingApproved", true, "filingOpinion", "同意");
		var firstDeadline = d.timer("Event_DeadlineReached").getDuedate();

		penaltyDeadlines.requestExtension(d.penaltyId, "需调取异地就医数据", PenaltyDriver.INSPECTOR);
		assertThatThrownBy(() -> penaltyDeadlines.requestExtension(d.penaltyId, "再次申请", PenaltyDriver.INSPECTOR))
			.as("one request at a time").hasMessageContaining("当前不能申请延期");
		d.complete("Task_ApproveExtension", "director1", "extensionApproved", true, "extensionReason", "需调取异地就医数据");

		var extended = d.timer("Event_DeadlineReached").getDuedate();
		assertThat(Duration.between(firstDeadline.toInstant(), extended.toInstant())).isEqualTo(Duration.ofDays(30));
		assertThat(d.penalty().extendedDays()).isEqualTo(30);
		assertThat(entry("DEADLINE_EXTENDED").detail()).contains("经负责人批准", "30 日");
		assertThat(d.instance).isWaitingAt("Task_Investigate");

		penaltyDeadlines.requestExtension(d.penaltyId, "需再次延期", PenaltyDriver.INSPECTOR);
		assertThatThrownBy(() -> d.complete("Task_ApproveExtension", "director1", "extensionApproved", true,
				"extensionReason", "再延")).hasMessageContaining("集体讨论");
		d.complete("Task_ApproveExtension", "director1", "extensionApproved", true, "collectiveDecision", true,
				"extensionReason", "集体讨论同意再延");
		assertThat(d.penalty().extendedDays()).isEqualTo(60);
		assertThat(entry("DEADLINE_EXTENDED").detail()).contains("经集体讨论决定");
	}

	@Test
	void anOverdueDeadlineIsRecordedAndGoesToTheDirector() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38");
		d.complete("Task_ApproveFiling", "director1", "filingApproved", true, "filingOpinion", "同意");
		clock.advance(Duration.ofDays(91));

		d.fire("Event_DeadlineReached");

		assertThat(d.instance).hasPassed("Task_MarkOverdue").isWaitingAt("Task_ApproveExtension", "Task_Investigate");
		assertThat(d.penalty().overdue()).isTrue();
		assertThat(actions()).contains("DEADLINE_OVERDUE");

		d.complete("Task_ApproveExtension", "director1", "extensionApproved", false, "extensionReason", "不予延期，尽快办结");
		assertThat(d.instance).hasPassed("Event_OverdueUnresolved").isWaitingAt("Task_Investigate");
		assertThat(actions()).contains("EXTENSION_REFUSED");
	}

	@Test
	void aLateServiceIsRecordedPublicationHappensAtItsDeadlineAndLatePaymentAddsTheSurcharge() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("").serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "无", "hearingRequested", false, "factors", "")
			.complete("Task_MakeDecision", "director1", "decisionNote", "同意");

		d.fire("Event_ServiceDeadlinePassed");
		assertThat(d.instance).hasPassed("Task_RecordServiceOverdue").isWaitingAt("Task_ServeDecision", "Task_PublishDecision");
		d.fire("Event_PublicationDeadline");
		assertThat(d.instance).hasPassed("Task_PublishAtDeadline").isWaitingAt("Task_ServeDecision");
		assertThat(d.task("Task_PublishDecision")).as("the deadline took the publication task over").isNull();
		assertThat(d.penalty().decision().publishedAt()).isNotNull();
		assertThat(entry("DECISION_PUBLISHED").detail()).contains("系统自动公示");

		d.complete("Task_ServeDecision", "inspector2", "serviceMethod", "邮寄送达");
		LocalDate due = d.penalty().enforcement().paymentDue();
		assertThatThrownBy(() -> d.complete("Task_RecordPayment", "inspector2", "paidAmount", 25000, "paidOn",
				due.plusDays(2).toString())).hasMessageContaining("加处罚款 ¥900.00");
		d.complete("Task_RecordPayment", "inspector2", "paidAmount", 25900, "paidOn", due.plusDays(2).toString());

		assertThat(d.instance).isEnded();
		assertThat(d.penalty().enforcement().lateSurcharge()).isEqualByComparingTo("900.00");
		assertThat(actions()).contains("DECISION_SERVICE_OVERDUE");
	}

	@Test
	void aPersonsSettlementIsSuspendedAndNoAgreementIsTouched() {
		d.handOver(SubjectType.PERSON, "张三丰", "3000", Intent.IRREGULAR_USE, "41").fileAndPropose("").serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "无", "hearingRequested", false, "factors", "");
		d.complete("Task_ReviewPenalty", "reviewer1", "authorityOk", true, "factsOk", true, "evidenceOk", true,
				"procedureOk", true, "applicationOfLawOk", true, "discretionOk", true, "reviewOutcome", "APPROVE");
		d.complete("Task_Deliberate", "director1", "deliberationConclusion", "同意").decideServePublish();
		d.complete("Task_RecordPayment", "inspector2", "paidAmount", 3000, "paidOn", LocalDate.now(clock).toString());

		PenaltyCase p = d.penalty();
		assertThat(p.status()).isEqualTo(PenaltyStatus.CLOSED);
		assertThat(p.enforcement().measureUntil()).isEqualTo(LocalDate.now(clock).plusMonths(8).minusDays(1));
		assertThat(p.publicPartyName()).isEqualTo("张**");
		assertThat(agreements.measures(d.providerCode)).isEmpty();
		assertThat(recoveries.entries(new org.fundguard.recovery.RecoveryFilter(null, null, d.providerCode, null, null)))
			.as("a person's penalty is no deduction from an institution's settlement").isEmpty();
	}

	@Test
	void publishedDecisionsAreSearchableAndADirectorPicksTypicalCasesForExposure() {
		d.handOver(SubjectType.INSTITUTION, "淄博公示检索医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("")
			.serveNotice().complete("Task_RecordDefence", "inspector1", "defence", "无", "hearingRequested", false, "factors", "")
			.complete("Task_MakeDecision", "director1", "decisionNote", "同意");
		assertThatThrownBy(() -> decisions.expose(d.penaltyId, true, "典型", new Actor("director1", "director")))
			.hasMessageContaining("尚未公示");
		assertThat(penalties.published("公示检索", null, null)).isEmpty();

		d.complete("Task_PublishDecision", "director1", "publishConfirmed", true);
		decisions.expose(d.penaltyId, true, "重复收费、串换项目典型案例", new Actor("director1", "director"));

		assertThat(penalties.published("公示检索", "38", 2026)).extracting(PenaltyCase::id).containsExactly(d.penaltyId);
		assertThat(penalties.published("公示检索", "40", null)).isEmpty();
		assertThat(penalties.published("公示检索", null, 2025)).isEmpty();
		assertThat(penalties.exposed()).extracting(PenaltyCase::id).contains(d.penaltyId);
		assertThat(publicDecisions.text(d.penaltyId).orElseThrow()).contains("淄博公示检索医院", d.penalty().decision().number())
			.doesNotContain(d.providerCode);
		assertThat(actions()).contains("PUBLIC_EXPOSURE");
	}

	@Test
	void usersTextsEndingInAFullStopAreNotPunctuatedTwiceInTheDecision() {
		d.findingsSummary = "违反《医疗保障基金使用监督管理条例》第三十八条。";
		d.handOver(SubjectType.INSTITUTION, "淄博标点测试医院", "10000", Intent.IRREGULAR_USE, "38").fileAndPropose("")
			.serveNotice().complete("Task_RecordDefence", "inspector1", "defence", "放弃陈述申辩。", "hearingRequested", false,
					"factors", "")
			.complete("Task_MakeDecision", "director1", "decisionNote", "同意")
			.complete("Task_PublishDecision", "director1", "publishConfirmed", true);

		String decision = publicDecisions.text(d.penaltyId).orElseThrow().replaceAll("<[^>]+>", "");
		assertThat(decision).contains("第三十八条，造成医疗保障基金损失", "当事人陈述申辩意见：放弃陈述申辩。")
			.doesNotContain("。，", "。。");
	}

	private List<String> actions() {
		return record.entries(d.caseId).stream().map(RecordEntry::action).toList();
	}

	private RecordEntry entry(String action) {
		return record.entries(d.caseId).stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b).orElseThrow();
	}
}

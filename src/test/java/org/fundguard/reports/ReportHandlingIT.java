package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.Findings;
import org.fundguard.cases.Intent;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.reports.portal.ReporterView;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real-name report through the real engine and database, from intake to a paid reward: the case it opens, the
 * notice, the findings' loss, the reward, the director, the claim on the portal and the payment. Along the way the
 * reporter's identity stays out of the case, the enforcement record and the process.
 */
@IntegrationTest
class ReportHandlingIT {

	private static final CurrentUser HANDLER = new CurrentUser("handler1", "孙丽", Set.of(Role.REPORT_HANDLER));
	private static final CurrentUser INSPECTOR = new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR));
	private static final ReporterIdentity WHISTLEBLOWER = new ReporterIdentity(ReporterKind.PERSON, "欧阳明月",
			"370302199001011239", "13912345678");

	@Autowired
	Reports reports;

	@Autowired
	ReportProcessStarter starter;

	@Autowired
	TaskGateway tasks;

	@Autowired
	ReportClaims claims;

	@Autowired
	ReporterIdentities identities;

	@Autowired
	AuditCases cases;

	@Autowired
	EnforcementRecord record;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVerifiedRealNameReportEarnsARewardThatIsApprovedClaimedAndPaidWithoutTheIdentityLeavingTheReport() {
		var receipt = reports.submit(new NewReport(SubjectKind.OTHER_INSTITUTION, null, "淄博某康复医院", ReportCategory.BED_OCCUPANCY,
				"该医院长期挂床住院，病人白天回家，晚上不住院，仍按住院结算。", "2026 年上半年", new BigDecimal("80000"), true,
				WHISTLEBLOWER, List.of()));
		starter.startPending();
		Report r = reports.findByNumber(receipt.number()).orElseThrow();
		assertThat(r.processStarted()).isTrue();
		assertThat(r.acceptanceDue()).isNotNull();

		complete(r, "Task_DecideAcceptance", Map.of("acceptance", "ACCEPT", "caseSummary", "举报线索：挂床住院"));
		r = reports.find(r.id()).orElseThrow();
		assertThat(r.status()).isEqualTo(ReportStatus.ACCEPTED);
		var opened = cases.find(r.caseId()).orElseThrow();
		assertThat(opened.source()).isEqualTo(CaseSource.REPORT);
		assertThat(opened.sourceRef()).isEqualTo(r.number());
		assertThat(opened.openedBy()).isEqualTo("handler1");
		assertThat(jdbc.sql("select decided_by from report where id = ?").param(r.id()).query(String.class).single())
			.isEqualTo("handler1");

		complete(r, "Task_NotifyCaseFiled", Map.of("caseNotice", "您的举报已受理，本局已立案调查。"));
		assertThat(reports.find(r.id()).orElseThrow().caseNotice()).isEqualTo("您的举报已受理，本局已立案调查。");

		cases.recordFindings(new Findings(opened.id(), true, new BigDecimal("150000"), List.of("40"), Intent.FRAUD,
				"查实挂床住院 37 人次", "inspector1", null), new Actor("inspector1", "inspector"), List.of());
		complete(r, "Task_RecordConclusion",
				Map.of("reportVerified", "true", "factsNewToBureau", "true", "conclusion", "经查属实，已责令退回基金并处罚款。"));
		r = reports.find(r.id()).orElseThrow();
		assertThat(r.verifiedLoss()).isEqualByComparingTo("150000");
		assertThat(r.rewardAmount()).as("2 %% of 100,000 + 1.5 %% of 50,000").isEqualByComparingTo("2750.00");

		var approval = taskService.createTaskQuery().processInstanceBusinessKey(r.number())
			.taskDefinitionKey("Task_ApproveReward").singleResult();
		assertThat(taskService.getVariable(approval.getId(), "rewardAmount")).isEqualTo("2750.00");
		// the director approves in Camunda Tasklist: the engine's completion, as the signed-in director
		identityService.setAuthentication("director1", List.of("director"));
		try {
			taskService.complete(approval.getId(), Map.of("rewardApproved", true, "rewardOpinion", "同意"));
		}
		finally {
			identityService.clearAuthentication();
		}
		r = reports.find(r.id()).orElseThrow();
		assertThat(r.status()).isEqualTo(ReportStatus.REWARD_OFFERED);
		assertThat(jdbc.sql("select reward_decided_by from report where id = ?").param(r.id()).query(String.class).single())
			.isEqualTo("director1");
		assertThat(ReporterView.of(r).mayClaim()).isTrue();

		claims.claim(r.id());
		assertThat(reports.find(r.id()).orElseThrow().status()).isEqualTo(ReportStatus.REWARD_CLAIMED);
		complete(r, "Task_PayReward", Map.of("rewardPaid", "true"));

		r = reports.find(r.id()).orElseThrow();
		assertThat(r.status()).isEqualTo(ReportStatus.CLOSED);
		assertThat(r.rewardPaidAt()).isNotNull();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(r.number()).finished().count())
			.isOne();

		String caseFile = opened + " " + cases.find(opened.id()).orElseThrow() + " " + record.entries(opened.id())
				+ " " + cases.findings(opened.id()).orElseThrow();
		String processData = history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(r.number())
				.singleResult().getId())
			.list().stream().map(v -> v.getName() + "=" + v.getValue()).toList().toString();
		for (String secret : List.of("欧阳明月", "370302199001011239", "13912345678", "欧阳")) {
			assertThat(caseFile).doesNotContain(secret);
			assertThat(processData).doesNotContain(secret);
		}
		assertThat(processData).contains("reportId=" + r.id());
	}

	@Test
	void onlyReportHandlersReadTheIdentityAndAnonymousReportsHaveNone() {
		var named = reports.submit(new NewReport(SubjectKind.PERSON, null, "王某", ReportCategory.CARD_MISUSE,
				"王某把医保卡借给他人在药店刷卡购药。", null, null, true, WHISTLEBLOWER, List.of()));
		var anonymous = reports.submit(new NewReport(SubjectKind.PERSON, null, "李某", ReportCategory.DRUG_RESALE,
				"李某多次开药后在小区门口倒卖。", null, null, true, null, List.of()));
		long namedId = reports.findByNumber(named.number()).orElseThrow().id();
		long anonymousId = reports.findByNumber(anonymous.number()).orElseThrow().id();

		assertThat(identities.of(namedId, HANDLER)).contains(WHISTLEBLOWER);
		assertThatThrownBy(() -> identities.of(namedId, INSPECTOR)).isInstanceOf(Refused.class)
			.extracting(e -> ((Refused) e).reason()).isEqualTo(Refused.Reason.FORBIDDEN);
		assertThat(identities.of(anonymousId, HANDLER)).isEmpty();
		assertThat(reports.find(anonymousId).orElseThrow().wantsReward()).as("an anonymous reporter cannot ask for a reward")
			.isFalse();
		assertThat(WHISTLEBLOWER.toString()).doesNotContain("欧阳明月", "370302199001011239");
	}

	@Test
	void aHandlerCannotMergeIntoACaseThatDoesNotExistAndMustGiveAReasonToDecline() {
		var receipt = reports.submit(new NewReport(SubjectKind.OTHER_INSTITUTION, null, "某药店", ReportCategory.SWAPPED_ITEMS,
				"药店把生活用品串换成药品用医保结算。", null, null, false, null, List.of()));
		starter.startPending();
		Report r = reports.findByNumber(receipt.number()).orElseThrow();

		assertThatThrownBy(() -> complete(r, "Task_DecideAcceptance",
				Map.of("acceptance", "MERGE", "mergeCaseNumber", "370300-1999-999999")))
			.isInstanceOf(Refused.class).hasMessage("没有编号为“370300-1999-999999”的在办案件");
		assertThatThrownBy(() -> complete(r, "Task_DecideAcceptance", Map.of("acceptance", "DECLINE")))
			.isInstanceOf(Refused.class).hasMessage("不予受理须写明理由，理由将告知举报人");
		// the same rule holds when the task is completed in Camunda Tasklist, without FundGuard's page
		String open = tasks.openOf(r.number(), ReportVariables.KEY).getFirst().id();
		identityService.setAuthentication("handler1", List.of("report-handler"));
		try {
			assertThatThrownBy(() -> taskService.complete(open, Map.of("acceptance", "DECLINE", "declineReason", " ")))
				.satisfies(e -> assertThat(Refused.in(e)).get().extracting(Refused::key)
					.isEqualTo("reports.acceptance.decline-reason-required"));
		}
		finally {
			identityService.clearAuthentication();
		}
		assertThat(reports.find(r.id()).orElseThrow().status()).isEqualTo(ReportStatus.RECEIVED);

		complete(r, "Task_DecideAcceptance", Map.of("acceptance", "DECLINE", "declineReason", "不属于本局管辖"));
		Report declined = reports.find(r.id()).orElseThrow();
		assertThat(declined.status()).isEqualTo(ReportStatus.DECLINED);
		assertThat(ReporterView.of(declined).declineReason()).isEqualTo("不属于本局管辖");
		assertThat(tasks.openOf(r.number(), ReportVariables.KEY)).isEmpty();
	}

	/** Completes the report's open task as the report page does: through the gateway, as the handler. */
	private void complete(Report r, String taskKey, Map<String, String> form) {
		var open = tasks.openOf(r.number(), ReportVariables.KEY);
		var task = open.stream().filter(t -> t.key().equals(taskKey)).findFirst()
			.orElseThrow(() -> new AssertionError("no open " + taskKey + " for " + r.number() + ": " + open));
		tasks.complete(task.id(), HANDLER, form);
	}
}

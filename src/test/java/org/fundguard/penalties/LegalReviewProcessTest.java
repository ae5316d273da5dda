package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.penalties.review.LegalReviews;
import org.fundguard.penalties.review.ReviewRound;
import org.fundguard.penalties.review.ReviewerIsInvestigator;
import org.fundguard.process.TaskGateway;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.fundguard.support.MutableClock;

/**
 * legal-review.bpmn: the review loop, its checklist, and separation of duties enforced by the engine itself on claim
 * and on completion, whoever calls it.
 */
@ProcessTestSetup
class LegalReviewProcessTest {

	@Autowired ProcessEngine engine;
	@Autowired AuditCases cases;
	@Autowired Penalties penalties;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired IdentityService identity;
	@Autowired TaskGateway gateway;
	@Autowired LegalReviews reviews;
	@Autowired MutableClock clock;
	@Autowired EnforcementRecord record;

	PenaltyDriver d;

	@BeforeEach
	void toTheReview() {
		BpmnAwareTests.init(engine);
		clock.set(ProcessTestSetup.START);
		d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "20000", Intent.FRAUD, "40").fileAndPropose("").serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "请求听证", "hearingRequested", true, "factors", "")
			.complete("Task_HoldHearing", "inspector2", "hearingRecord", "听证笔录", "factors", "");
		assertThat(d.instance).isWaitingAt("CallActivity_LegalReview");
	}

	@Test
	void theReviewTaskIsForLegalReviewersAndDueInTenWorkingDays() {
		var review = d.task("Task_ReviewPenalty");
		assertThat(review).hasCandidateGroup("legal-reviewer").isNotAssigned();
		assertThat(review.getDueDate()).isNotNull();
		ProcessInstance sub = runtime.createProcessInstanceQuery().superProcessInstanceId(d.instance.getId()).singleResult();
		assertThat(sub.getProcessDefinitionId()).startsWith(PenaltyVariables.LEGAL_REVIEW + ":");
	}

	@Test
	void whoeverWorkedOnTheInvestigationCannotClaimTheReview() {
		String id = d.task("Task_ReviewPenalty").getId();

		assertThatThrownBy(() -> tasks.claim(id, "inspector1")).as("recorded the findings, proposed the penalty")
			.hasRootCauseInstanceOf(ReviewerIsInvestigator.class).hasMessageContaining("不得担任该案的法制审核人员");
		assertThatThrownBy(() -> tasks.setAssignee(id, "inspector2")).as("held the hearing")
			.hasRootCauseInstanceOf(ReviewerIsInvestigator.class);
		assertThat(d.task("Task_ReviewPenalty").getAssignee()).isNull();

		tasks.claim(id, "reviewer1");
		assertThat(d.task("Task_ReviewPenalty").getAssignee()).isEqualTo("reviewer1");
	}

	@Test
	void anInvestigatorCannotCompleteTheReviewEvenWhenSomeoneElseClaimedIt() {
		// a legal reviewer who also holds the inspector role and gathered evidence in this case, calling as himself
		record.append(d.caseId, new Actor("reviewer2", "inspector"), "EVIDENCE_ADDED", "补充调取病历");
		String id = d.task("Task_ReviewPenalty").getId();
		tasks.claim(id, "reviewer1");

		identity.setAuthentication("reviewer2", List.of("legal-reviewer", "inspector"));
		try {
			// refused before the independence rule looks at it: nobody but its holder completes a claimed task
			assertThatThrownBy(() -> tasks.complete(id, approve())).hasMessageContaining("该任务由 reviewer1 办理");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(d.task("Task_ReviewPenalty")).isNotNull();
	}

	@Test
	void anUnclaimedReviewCannotBeCompleted() {
		String id = d.task("Task_ReviewPenalty").getId();

		assertThatThrownBy(() -> tasks.complete(id, approve())).hasMessageContaining("须由审核人员认领后办理");
	}

	@Test
	void approvalNeedsTheWholeChecklistAndAReturnNeedsWrittenOpinions() {
		assertThatThrownBy(() -> d.complete("Task_ReviewPenalty", "reviewer1", "authorityOk", true, "factsOk", true,
				"evidenceOk", true, "procedureOk", true, "applicationOfLawOk", true, "discretionOk", false,
				"reviewOutcome", "APPROVE")).hasMessageContaining("裁量是否适当");
		assertThatThrownBy(() -> d.complete("Task_ReviewPenalty", "reviewer1", "reviewOutcome", "RETURN",
				"reviewOpinion", " ")).hasMessageContaining("书面审核意见");
		assertThat(reviews.rounds(d.penaltyId)).isEmpty();
	}

	@Test
	void everyRoundIsRecordedUntilTheReviewerApproves() {
		d.complete("Task_ReviewPenalty", "reviewer1", "reviewOutcome", "RETURN", "reviewOpinion", "事实认定不清");
		d.complete("Task_RevisePenalty", "inspector1", "revision", "补充询问笔录", "factors", "");
		d.complete("Task_ReviewPenalty", "reviewer1", "reviewOutcome", "RETURN", "reviewOpinion", "裁量偏重",
				"authorityOk", true, "factsOk", true, "evidenceOk", true, "procedureOk", true, "applicationOfLawOk", true);
		d.complete("Task_RevisePenalty", "inspector1", "revision", "认定主动退回情节", "factors", "returned-voluntarily");
		d.complete("Task_ReviewPenalty", "reviewer1", approveFields());

		assertThat(reviews.rounds(d.penaltyId)).extracting(ReviewRound::round, ReviewRound::approved, ReviewRound::opinion)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, false, "事实认定不清"),
					org.assertj.core.groups.Tuple.tuple(2, false, "裁量偏重"), org.assertj.core.groups.Tuple.tuple(3, true, "同意"));
		assertThat(reviews.rounds(d.penaltyId).get(1).revision()).isEqualTo("认定主动退回情节");
		assertThat(d.penalty().proposal().fine()).isEqualByComparingTo("55000.00");
		assertThat(d.instance).hasPassed("CallActivity_LegalReview").isWaitingAt("Task_Deliberate");
	}

	private static Map<String, Object> approve() {
		return Map.of("authorityOk", true, "factsOk", true, "evidenceOk", true, "procedureOk", true,
				"applicationOfLawOk", true, "discretionOk", true, "reviewOutcome", "APPROVE", "reviewOpinion", "同意");
	}

	private static Object[] approveFields() {
		return approve().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
	}
}

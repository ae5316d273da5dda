package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.process.TaskGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.fundguard.support.MutableClock;

/**
 * A form shows what holds, so that Tasklist or an API client that submits it as shown changes nothing it did not mean
 * to: the revision after a returned legal review shows the factors in force (a blank field once wiped them and lowered
 * the fine), and each extension request starts unticked (a collective decision once carried over to the next
 * request, which then passed without one).
 */
@ProcessTestSetup
class FormsShowWhatHoldsTest {

	@Autowired ProcessEngine engine;
	@Autowired AuditCases cases;
	@Autowired Penalties penalties;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired TaskGateway gateway;
	@Autowired PenaltyWork work;
	@Autowired MutableClock clock;
	@Autowired PenaltyDeadlines penaltyDeadlines;

	private PenaltyDriver d;

	@BeforeEach
	void driver() {
		BpmnAwareTests.init(engine);
		clock.set(ProcessTestSetup.START);
		d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
	}

	@Test
	void aRevisionThatLeavesTheFactorsAsShownKeepsThePenalty() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "20000", Intent.FRAUD, "40").fileAndPropose("obstructed")
			.serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "请求听证", "hearingRequested", true, "factors", "obstructed")
			.complete("Task_HoldHearing", "inspector2", "hearingRecord", "听证笔录", "factors", "obstructed");
		BigDecimal before = d.penalty().proposal().fine();
		d.complete("Task_ReviewPenalty", "reviewer1", "reviewOutcome", "RETURN", "reviewOpinion", "证据不足");
		String revise = d.task("Task_RevisePenalty").getId();

		assertThat(gateway.form(revise).fields()).filteredOn(f -> "factors".equals(f.key()))
			.extracting(f -> f.text()).containsExactly("obstructed");
		// as the penalties API and the task API do: a field left out keeps what the form shows
		work.completeWithCurrentValues(revise, PenaltyDriver.USERS.get("inspector1"), Map.of("revision", "补充询问笔录"));

		assertThat(d.penalty().proposal().factors()).containsExactly("obstructed");
		assertThat(d.penalty().proposal().fine()).isEqualByComparingTo(before);
	}

	@Test
	void everyExtensionRequestStartsUntickedSoAThirdOneStillNeedsACollectiveDecision() {
		d.handOver(SubjectType.INSTITUTION, "淄博某医院", "10000", Intent.IRREGULAR_USE, "38");
		d.complete("Task_ApproveFiling", "director1", "filingApproved", true, "filingOpinion", "同意");
		penaltyDeadlines.requestExtension(d.penaltyId, "一", PenaltyDriver.INSPECTOR);
		d.complete("Task_ApproveExtension", "director1", "extensionApproved", true, "extensionReason", "一");
		penaltyDeadlines.requestExtension(d.penaltyId, "二", PenaltyDriver.INSPECTOR);
		d.complete("Task_ApproveExtension", "director1", "extensionApproved", true, "collectiveDecision", true,
				"extensionReason", "二");
		penaltyDeadlines.requestExtension(d.penaltyId, "三", PenaltyDriver.INSPECTOR);
		String third = d.task("Task_ApproveExtension").getId();

		assertThat(gateway.form(third).fields()).filteredOn(f -> "collectiveDecision".equals(f.key()) || "extensionApproved".equals(f.key()))
			.allMatch(f -> !f.checked());
		assertThatThrownBy(() -> work.completeWithCurrentValues(third, PenaltyDriver.USERS.get("director1"),
				Map.of("extensionApproved", true, "extensionReason", "三")))
			.isInstanceOf(Refused.class)
			.extracting(e -> ((Refused) e).key()).isEqualTo("penalties.extension.second-needs-collective");
		assertThat(d.penalty().extendedDays()).isEqualTo(60);
	}
}

package org.fundguard.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.fundguard.documents.DocumentStore;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.rules.Signal;
import org.fundguard.rules.SignalExemptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.fundguard.support.MutableClock;

/**
 * Every path of signal-review.bpmn: accepted, appeal upheld, appeal rejected, deadline passed, a lead answered partly
 * each way, and the reminder 2 working days before the deadline; with the events the other modules react to.
 */
@AppealsProcessTestSetup
class SignalReviewProcessTest {

	static final String CODE = "H37030200002";
	static final CurrentUser ANALYST = new CurrentUser("analyst1", "分析员甲", Set.of(Role.ANALYST));
	static final CurrentUser REVIEWER = new CurrentUser("analyst2", "分析员乙", Set.of(Role.ANALYST));
	static final CurrentUser INSTITUTION = new CurrentUser("institution1", "某医院", Set.of(Role.INSTITUTION), CODE);
	static final CurrentUser OTHER_INSTITUTION = new CurrentUser("institution2", "另一医院", Set.of(Role.INSTITUTION),
			"H37032200005");

	@Autowired ProcessEngine engine;
	@Autowired RuntimeService runtime;
	@Autowired TaskService taskService;
	@Autowired ManagementService management;
	@Autowired TaskGateway tasks;
	@Autowired IssuedSignals issuedSignals;
	@Autowired SignalReview review;
	@Autowired SignalExemptions exemptions;
	@Autowired InstitutionSignals institutionSignals;
	@Autowired DocumentStore documents;
	@Autowired AppealsProcessTestSetup.GivenLeads leads;
	@Autowired MutableClock clock;
	@Autowired ApplicationEvents events;

	String leadId;

	@BeforeEach
	void oneProviderLead() {
		BpmnAwareTests.init(engine);
		clock.set(AppealsProcessTestSetup.START);
		leadId = UUID.randomUUID().toString();
	}

	static Signal signal(String subject, String money, String... lines) {
		return new Signal("price-ceiling", subject, "2026-10-01", "2026-10-31", new BigDecimal(money),
				"单价超过限价，参保人 370303198001011234", List.of(lines), List.of(subject));
	}

	List<IssuedSignal> issue(Signal... signals) {
		leads.give(leadId, "provider", CODE, signals);
		assertThat(issuedSignals.issue(leadId, ANALYST)).isEqualTo(signals.length);
		return review.ofLead(leadId);
	}

	WorkItem answerTask(IssuedSignal s) {
		return tasks.openWhere(SignalReviewVariables.ISSUED_SIGNAL_ID, s.id(), SignalReviewVariables.KEY).getFirst();
	}

	ProcessInstance instance(IssuedSignal s) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(s.id()).singleResult();
	}

	long confirmations(String issuedSignalId) {
		return events.stream(SignalConfirmed.class).filter(e -> e.issuedSignalId().equals(issuedSignalId)).count();
	}

	@Test
	void anAcceptedSignalIsConfirmedOnceAndOfferedOnlyToItsOwnInstitution() {
		IssuedSignal s = issue(signal("S1|3", "120.50", "S1:3")).getFirst();

		assertThat(s.evidenceSummary()).contains("370***********1234").doesNotContain("370303198001011234");
		WorkItem task = answerTask(s);
		assertThat(taskService.getIdentityLinksForTask(task.id())).extracting(l -> l.getGroupId())
			.containsExactly(Role.institutionGroup(CODE));
		assertThat(tasks.openFor(INSTITUTION, SignalReviewVariables.KEY)).extracting(WorkItem::id).contains(task.id());
		assertThat(tasks.openFor(OTHER_INSTITUTION, SignalReviewVariables.KEY)).extracting(WorkItem::id).doesNotContain(task.id());
		assertThatThrownBy(() -> tasks.complete(task.id(), OTHER_INSTITUTION, Map.of("answer", "ACCEPT")))
			.isInstanceOf(Refused.class);

		tasks.complete(task.id(), INSTITUTION, Map.of("answer", "ACCEPT"));

		assertThat(instance(s)).isNull();
		assertThat(review.get(s.id()).state()).isEqualTo(SignalState.ACCEPTED);
		assertThat(review.get(s.id()).answeredBy()).isEqualTo("institution1");
		assertThat(confirmations(s.id())).isOne();
		SignalConfirmed confirmed = events.stream(SignalConfirmed.class).filter(e -> e.issuedSignalId().equals(s.id()))
			.findFirst().orElseThrow();
		assertThat(confirmed.how()).isEqualTo(SignalConfirmed.How.ACCEPTED);
		assertThat(confirmed.amount()).isEqualByComparingTo("120.50");
		assertThat(confirmed.providerCode()).isEqualTo(CODE);
		assertThat(events.stream(IssuedSignalsChanged.class).filter(e -> e.leadId().equals(leadId)).count()).isEqualTo(2);
		assertThat(issuedSignals.reviewOf(leadId)).isEqualTo(new LeadReview(1, 0, 0, 1, 0, new BigDecimal("120.50")));
		assertThat(issuedSignals.confirmedSignalIds(leadId)).containsExactly(s.signalId());
		// the deadline passing later changes nothing and confirms nothing again
		review.confirmAtDeadline(s.id());
		assertThat(confirmations(s.id())).isOne();
	}

	@Test
	void anUpheldAppealVoidsTheSignalAndExemptsItsEvidence() {
		IssuedSignal s = issue(signal("S2|1", "300", "S2:1")).getFirst();
		String pdf = documents.store("病历.pdf", "%PDF-1.4\n申诉材料\n%%EOF".getBytes(StandardCharsets.UTF_8), "institution1").id();

		assertThatThrownBy(() -> tasks.complete(answerTask(s).id(), INSTITUTION, Map.of("answer", "APPEAL")))
			.hasMessageContaining("申诉理由");
		tasks.complete(answerTask(s).id(), INSTITUTION,
				Map.of("answer", "APPEAL", "explanation", "该药品经备案可超限价", "documentIds", pdf));

		assertThat(review.get(s.id()).state()).isEqualTo(SignalState.APPEALED);
		assertThat(review.get(s.id()).documentIds()).containsExactly(pdf);
		ProcessInstance pi = instance(s);
		assertThat(pi).isWaitingAt("Task_ReviewAppeal");
		WorkItem reviewTask = answerTask(s);
		assertThat(taskService.getIdentityLinksForTask(reviewTask.id())).extracting(l -> l.getGroupId())
			.containsExactlyInAnyOrder("analyst", "inspector");
		assertThat(reviewTask.due()).isNotNull();
		assertThat(tasks.form(reviewTask.id()).toString()).contains("该药品经备案可超限价");
		assertThat(taskService.getVariable(reviewTask.id(), SignalReviewVariables.DOCUMENTS).toString())
			.contains("病历.pdf").contains(pdf);

		// the analyst who issued it neither sees nor takes the review
		assertThat(tasks.openFor(ANALYST, SignalReviewVariables.KEY)).extracting(WorkItem::id).doesNotContain(reviewTask.id());
		assertThatThrownBy(() -> taskService.claim(reviewTask.id(), "analyst1")).hasMessageContaining("不得复核");
		assertThatThrownBy(() -> tasks.complete(reviewTask.id(), REVIEWER, Map.of("appealOutcome", "UPHOLD",
				"decisionReason", " "))).hasMessageContaining("理由");

		tasks.complete(reviewTask.id(), REVIEWER, Map.of("appealOutcome", "UPHOLD", "decisionReason", "备案材料属实"));

		assertThat(pi).isEnded().hasPassed("Event_AppealUpheld");
		IssuedSignal decided = review.get(s.id());
		assertThat(decided.state()).isEqualTo(SignalState.UPHELD);
		assertThat(decided.decidedBy()).isEqualTo("analyst2");
		assertThat(decided.decisionReason()).isEqualTo("备案材料属实");
		assertThat(exemptions.isExempt(s.signalId(), SignalExemptions.evidenceKey(List.of("S2:1"), List.of("S2|1")))).isTrue();
		assertThat(exemptions.isExempt(s.signalId(), SignalExemptions.evidenceKey(List.of("S2:2"), List.of("S2|1"))))
			.as("other evidence is not exempted").isFalse();
		assertThat(confirmations(s.id())).isZero();
		assertThat(issuedSignals.reviewOf(leadId)).isEqualTo(new LeadReview(1, 0, 0, 0, 1, BigDecimal.ZERO));
		assertThat(issuedSignals.confirmedSignalIds(leadId)).isEmpty();
	}

	@Test
	void aRejectedAppealConfirmsTheSignal() {
		IssuedSignal s = issue(signal("S3|2", "80", "S3:2")).getFirst();
		tasks.complete(answerTask(s).id(), INSTITUTION, Map.of("answer", "APPEAL", "explanation", "收费无误"));
		ProcessInstance pi = instance(s);

		tasks.complete(answerTask(s).id(), REVIEWER, Map.of("appealOutcome", "REJECT", "decisionReason", "无备案"));

		assertThat(pi).isEnded().hasPassed("Event_AppealRejected");
		assertThat(review.get(s.id()).state()).isEqualTo(SignalState.REJECTED);
		assertThat(confirmations(s.id())).isOne();
		assertThat(events.stream(SignalConfirmed.class).filter(e -> e.issuedSignalId().equals(s.id())).findFirst()
			.orElseThrow().how()).isEqualTo(SignalConfirmed.How.APPEAL_REJECTED);
		assertThat(issuedSignals.confirmedSignalIds(leadId)).containsExactly(s.signalId());
	}

	@Test
	void anUnansweredSignalIsConfirmedAtTheDeadline() {
		IssuedSignal s = issue(signal("S4|1", "50", "S4:1")).getFirst();
		ProcessInstance pi = instance(s);
		// 10 working days from Monday 23 November: the last day is Monday 7 December, the deadline its midnight
		assertThat(s.deadline().toInstant()).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));

		clock.set(Instant.parse("2026-12-07T15:59:00Z"));
		assertThat(dueTimers(pi)).extracting(j -> j.getDuedate().toInstant()).doesNotContain(Instant.parse("2026-12-07T15:59:00Z"));
		executeDue(pi);
		assertThat(pi).isWaitingAt("Task_AnswerSignal");

		clock.advance(Duration.ofMinutes(2));
		executeDue(pi);

		assertThat(pi).isEnded().hasPassed("Event_ConfirmedAtDeadline");
		assertThat(review.get(s.id()).state()).isEqualTo(SignalState.DEADLINE_PASSED);
		assertThat(confirmations(s.id())).isOne();
		assertThat(events.stream(SignalConfirmed.class).filter(e -> e.issuedSignalId().equals(s.id())).findFirst()
			.orElseThrow().how()).isEqualTo(SignalConfirmed.How.DEADLINE_PASSED);
		assertThatThrownBy(() -> review.answer(s.id(), SignalReviewVariables.Answer.ACCEPT, null, List.of(), "institution1"))
			.hasMessageContaining("已答复或已逾期");
	}

	@Test
	void theReminderFiresAtNineTwoWorkingDaysBeforeTheLastDay() {
		IssuedSignal s = issue(signal("S5|1", "10", "S5:1")).getFirst();
		ProcessInstance pi = instance(s);
		Job reminder = management.createJobQuery().processInstanceId(pi.getId()).activityId("Event_ReminderDue").singleResult();
		// last day Monday 7 December; 2 working days before it: Thursday 3 December, 09:00 in Zibo
		assertThat(reminder.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-03T01:00:00Z"));

		clock.set(Instant.parse("2026-12-03T01:00:00Z"));
		executeDue(pi);

		assertThat(pi).hasPassed("Task_RemindInstitution").isWaitingAt("Task_AnswerSignal");
		IssuedSignal reminded = review.get(s.id());
		assertThat(reminded.remindedAt()).isNotNull();
		// announced for the notifications' outbox, which mails the contact (over real SMTP: NotificationsIT)
		assertThat(reminded.reminderNote()).contains("yibao@h37030200002.example");
		assertThat(events.stream(AnswerReminderDue.class).filter(e -> e.issuedSignalId().equals(s.id())).findFirst()
			.orElseThrow().contactEmail()).isEqualTo("yibao@h37030200002.example");
		assertThat(reminded.state()).isEqualTo(SignalState.AWAITING);
	}

	@Test
	void aLeadAnsweredPartlyEachWay() {
		List<IssuedSignal> issued = issue(signal("P|1", "100", "P:1"), signal("P|2", "200", "P:2"),
				signal("P|3", "400", "P:3"));
		IssuedSignal accepted = issued.stream().filter(s -> s.signalId().contains("P|1")).findFirst().orElseThrow();
		IssuedSignal appealed = issued.stream().filter(s -> s.signalId().contains("P|2")).findFirst().orElseThrow();
		IssuedSignal unanswered = issued.stream().filter(s -> s.signalId().contains("P|3")).findFirst().orElseThrow();

		tasks.complete(answerTask(accepted).id(), INSTITUTION, Map.of("answer", "ACCEPT"));
		tasks.complete(answerTask(appealed).id(), INSTITUTION, Map.of("answer", "APPEAL", "explanation", "重复计算"));
		assertThat(issuedSignals.reviewOf(leadId)).isEqualTo(new LeadReview(3, 1, 1, 1, 0, new BigDecimal("100.00")));
		assertThat(issuedSignals.reviewOf(leadId).settled()).isFalse();

		tasks.complete(answerTask(appealed).id(), REVIEWER, Map.of("appealOutcome", "UPHOLD", "decisionReason", "确系重复"));
		clock.set(Instant.parse("2026-12-08T00:00:00Z"));
		executeDue(instance(unanswered));

		LeadReview result = issuedSignals.reviewOf(leadId);
		assertThat(result).isEqualTo(new LeadReview(3, 0, 0, 2, 1, new BigDecimal("500.00")));
		assertThat(result.settled()).isTrue();
		assertThat(issuedSignals.confirmedSignalIds(leadId)).containsExactlyInAnyOrder(accepted.signalId(), unanswered.signalId());
		// issuing the lead again issues nothing new
		assertThat(issuedSignals.issue(leadId, ANALYST)).isZero();
	}

	@Test
	void anInstitutionAnswersSeveralAtOnceAllOrNone() {
		List<IssuedSignal> mine = issue(signal("B|1", "10", "B:1"), signal("B|2", "20", "B:2"));
		String otherLead = leadId;
		leadId = UUID.randomUUID().toString();
		leads.give(leadId, "provider", "H37032200005", signal("B|3", "30", "B:3"));
		issuedSignals.issue(leadId, ANALYST);
		IssuedSignal others = review.ofLead(leadId).getFirst();

		assertThatThrownBy(() -> institutionSignals.answerAll(INSTITUTION, List.of(mine.get(0).id(), others.id()),
				SignalReviewVariables.Answer.ACCEPT, null)).isInstanceOf(Refused.class);
		assertThat(review.get(mine.get(0).id()).state()).as("none answered").isEqualTo(SignalState.AWAITING);
		assertThat(review.get(others.id()).state()).isEqualTo(SignalState.AWAITING);

		String othersFile = documents.store("他院材料.pdf", "%PDF-1.4\n他院\n%%EOF".getBytes(StandardCharsets.UTF_8),
				"institution2").id();
		assertThatThrownBy(() -> institutionSignals.answer(INSTITUTION, mine.get(0).id(), SignalReviewVariables.Answer.APPEAL,
				"附他院材料", List.of(othersFile), List.of())).hasMessageContaining(othersFile);

		assertThat(institutionSignals.answerAll(INSTITUTION, List.of(mine.get(0).id(), mine.get(1).id()),
				SignalReviewVariables.Answer.ACCEPT, null)).isEqualTo(2);
		assertThat(issuedSignals.reviewOf(otherLead)).isEqualTo(new LeadReview(2, 0, 0, 2, 0, new BigDecimal("30.00")));
		assertThat(institutionSignals.list(INSTITUTION)).extracting(IssuedSignal::id).contains(mine.get(0).id())
			.doesNotContain(others.id());
	}

	/**
	 * Camunda Tasklist submits whatever variables a form posts: an institution completing its own answer task with
	 * another institution's issuedSignalId must answer nothing, and a file another user uploaded cannot be attached.
	 */
	@Test
	void aTasklistSubmissionCannotAnswerAnotherInstitutionsSignalOrAttachAnotherUsersFile() {
		IssuedSignal mine = issue(signal("T|1", "40", "T:1")).getFirst();
		leadId = UUID.randomUUID().toString();
		leads.give(leadId, "provider", "H37032200005", signal("T|2", "50", "T:2"));
		issuedSignals.issue(leadId, ANALYST);
		IssuedSignal others = review.ofLead(leadId).getFirst();

		String myTask = answerTask(mine).id();
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(myTask,
				Map.of("answer", "ACCEPT", SignalReviewVariables.ISSUED_SIGNAL_ID, others.id())))
			.hasMessageContaining("不是下发给本机构");
		assertThat(review.get(others.id()).state()).isEqualTo(SignalState.AWAITING);
		assertThat(review.get(mine.id()).state()).isEqualTo(SignalState.AWAITING);

		String othersFile = documents.store("他院材料.pdf", "%PDF-1.4\n他院\n%%EOF".getBytes(StandardCharsets.UTF_8),
				"institution2").id();
		assertThatThrownBy(() -> review.answer(mine.id(), SignalReviewVariables.Answer.APPEAL, "附他院材料",
				List.of(othersFile), "institution1")).hasMessageContaining(othersFile);
		assertThat(review.get(mine.id()).state()).isEqualTo(SignalState.AWAITING);
	}

	@Test
	void personLeadsAndNonAnalystsAreRefused() {
		leads.give(leadId, "person", "370303198001011234", signal("X|1", "1", "X:1"));
		assertThatThrownBy(() -> issuedSignals.issue(leadId, ANALYST)).hasMessageContaining("不是定点医药机构");
		leads.give(leadId, "provider", CODE, signal("X|1", "1", "X:1"));
		assertThatThrownBy(() -> issuedSignals.issue(leadId, INSTITUTION)).hasMessageContaining("只有数据分析员");
		assertThat(issuedSignals.reviewOf(leadId)).isEqualTo(LeadReview.none());
	}

	private List<Job> dueTimers(ProcessInstance pi) {
		return management.createJobQuery().processInstanceId(pi.getId()).timers().duedateLowerThan(
				java.util.Date.from(clock.instant())).list();
	}

	/** Executes the instance's timers that are due by the test clock, as the job executor would. */
	private void executeDue(ProcessInstance pi) {
		for (Job job : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
			if (!job.getDuedate().toInstant().isAfter(clock.instant())) {
				management.executeJob(job.getId());
			}
		}
	}
}

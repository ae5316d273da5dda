package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.fundguard.identity.Role;
import org.fundguard.process.ProcessVariables;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * The audit case's user tasks hand their form values to the case module when they complete (bean {@code auditCaseTasks},
 * a complete listener on each task): the same happens whether the task is done in the workbench or in Camunda
 * Tasklist, and a value the module refuses fails the completion with its Chinese message. Each method reads the
 * variables and calls the module once.
 */
@Component("auditCaseTasks")
public class CaseTaskListeners {

	private final CaseDecisions decisions;
	private final CaseTeam team;
	private final CaseInvestigation investigation;

	CaseTaskListeners(CaseDecisions decisions, CaseTeam team, CaseInvestigation investigation) {
		this.decisions = decisions;
		this.team = team;
		this.investigation = investigation;
	}

	public void filingDecided(DelegateTask task) {
		long caseId = caseId(task);
		Actor by = actor(task);
		switch (text(task, ProcessVariables.FILING_DECISION)) {
			case "accept" -> decisions.accept(caseId, by);
			case "merge" -> decisions.merge(caseId, text(task, ProcessVariables.MERGE_INTO), by);
			case "dismiss" -> decisions.dismiss(caseId, text(task, ProcessVariables.DISMISS_REASON), by);
			default -> throw new IllegalArgumentException("请选择立案审查结论：立案、并案或不予立案 / choose accept, merge or dismiss");
		}
	}

	public void inspectorsAssigned(DelegateTask task) {
		List<String> inspectors = list(text(task, ProcessVariables.CASE_INSPECTORS));
		boolean onSite = bool(task, ProcessVariables.ON_SITE_CHECK);
		team.assign(caseId(task), inspectors, onSite, actor(task));
		// written back in the form the next tasks' candidateUsers expression and gateway read
		task.setVariable(ProcessVariables.CASE_INSPECTORS, String.join(",", inspectors));
		task.setVariable(ProcessVariables.ON_SITE_CHECK, onSite);
	}

	public void deskReviewDone(DelegateTask task) {
		investigation.deskReviewDone(caseId(task), text(task, ProcessVariables.DESK_REVIEW_SUMMARY),
				text(task, ProcessVariables.DOCUMENT_IDS), actor(task));
	}

	public void onSiteCheckDone(DelegateTask task) {
		investigation.onSiteCheckDone(caseId(task), list(text(task, ProcessVariables.ON_SITE_INSPECTORS)),
				date(task, ProcessVariables.ON_SITE_DATE), text(task, ProcessVariables.ON_SITE_SUMMARY),
				text(task, ProcessVariables.DOCUMENT_IDS), actor(task));
	}

	public void findingsRecorded(DelegateTask task) {
		boolean violation = bool(task, ProcessVariables.VIOLATION_FOUND);
		String intent = text(task, ProcessVariables.INTENT);
		investigation.recordFindings(caseId(task), violation, violation ? decimal(task, ProcessVariables.AMOUNT_TO_RECOVER) : null,
				violation ? list(text(task, ProcessVariables.ARTICLES)) : List.of(),
				violation && !intent.isEmpty() ? Intent.valueOf(intent) : null, text(task, ProcessVariables.FINDINGS_SUMMARY),
				text(task, ProcessVariables.DOCUMENT_IDS), actor(task));
	}

	public void outcomeDecided(DelegateTask task) {
		Outcome outcome = Outcome.of(text(task, ProcessVariables.OUTCOME))
			.orElseThrow(() -> new IllegalArgumentException("请选择处理决定 / choose an outcome"));
		Actor by = actor(task);
		decisions.decideOutcome(caseId(task), outcome, text(task, ProcessVariables.OUTCOME_REASON),
				date(task, ProcessVariables.SUSPEND_FROM), date(task, ProcessVariables.SUSPEND_UNTIL), by);
		task.setVariable(ProcessVariables.OUTCOME, outcome.value());
		task.setVariable(ProcessVariables.OUTCOME_DECIDED_BY, by.userId());
	}

	public void transferRecorded(DelegateTask task) {
		investigation.transfer(caseId(task), text(task, ProcessVariables.RECEIVING_BODY),
				date(task, ProcessVariables.TRANSFER_DATE), text(task, ProcessVariables.OUTCOME_REASON),
				text(task, ProcessVariables.DOCUMENT_IDS), actor(task));
	}

	/** Who completed the task: its assignee (Tasklist completes only claimed tasks), in the role the task asked for. */
	static Actor actor(DelegateTask task) {
		String who = task.getAssignee();
		if (who == null || who.isBlank()) {
			var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			who = auth == null ? null : auth.getUserId();
		}
		if (who == null || who.isBlank()) {
			throw new IllegalArgumentException("请先认领任务再办理 / claim the task before completing it");
		}
		String role = task.getCandidates()
			.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse(Role.INSPECTOR.id());
		return new Actor(who, role);
	}

	private static long caseId(DelegateTask task) {
		return ((Number) task.getVariable(ProcessVariables.CASE_ID)).longValue();
	}

	static String text(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		return v == null ? "" : v.toString().trim();
	}

	static boolean bool(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		return v instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(v)) || "on".equalsIgnoreCase(String.valueOf(v));
	}

	static BigDecimal decimal(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		if (v == null || v.toString().isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(v.toString().trim()).setScale(2, java.math.RoundingMode.HALF_UP);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("金额格式不正确 / not an amount: " + v);
		}
	}

	/** A day from a date field: "2026-11-23", an ISO date-time, or a Date. */
	static LocalDate date(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		if (v instanceof Date d) {
			return d.toInstant().atZone(org.fundguard.calendar.Deadlines.BUREAU_ZONE).toLocalDate();
		}
		String s = v == null ? "" : v.toString().trim();
		if (s.isEmpty()) {
			return null;
		}
		try {
			return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).atZoneSameInstant(
					org.fundguard.calendar.Deadlines.BUREAU_ZONE).toLocalDate();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new IllegalArgumentException("日期格式应为 yyyy-MM-dd / not a date: " + s);
		}
	}

	static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split("[,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}

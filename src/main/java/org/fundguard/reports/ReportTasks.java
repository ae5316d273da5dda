package org.fundguard.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.cases.AuditCases;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.springframework.stereotype.Service;

/**
 * The report handlers' tasks of a report, done from FundGuard's own report page (the same tasks can be done in
 * Camunda Tasklist with the forms in {@code forms/}). Input is checked here first, so that a wrong case number
 * is a message on the page and not an incident in the engine.
 */
@Service
class ReportTasks {

	static final Set<String> HANDLER_TASKS = Set.of("Task_DecideAcceptance", "Task_NotifyCaseFiled",
			"Task_RecordConclusion", "Task_PayReward");

	private final TaskService tasks;
	private final IdentityService identity;
	private final AuditCases cases;

	ReportTasks(TaskService tasks, IdentityService identity, AuditCases cases) {
		this.tasks = tasks;
		this.identity = identity;
		this.cases = cases;
	}

	/** The report's open tasks, whoever they are for. */
	List<Task> open(String reportNumber) {
		return tasks.createTaskQuery().processInstanceBusinessKey(reportNumber).active().orderByTaskCreateTime().asc().list();
	}

	/** Completes a handler task of this report as the signed-in handler. */
	void complete(String reportNumber, String taskId, CurrentUser user, Map<String, String> form) {
		Task task = open(reportNumber).stream()
			.filter(t -> t.getId().equals(taskId))
			.findFirst()
			.orElseThrow(() -> new ReportRefused("该任务已办理或不属于本举报"));
		if (!HANDLER_TASKS.contains(task.getTaskDefinitionKey()) || !offeredToHandlers(task)) {
			throw new ReportRefused("该任务请在 Camunda 任务列表中办理");
		}
		Map<String, Object> variables = variables(task.getTaskDefinitionKey(), form);
		identity.setAuthentication(user.username(), List.copyOf(user.groupIds()));
		try {
			tasks.complete(taskId, variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private boolean offeredToHandlers(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream()
			.map(IdentityLink::getGroupId)
			.anyMatch(Role.REPORT_HANDLER.id()::equals);
	}

	Map<String, Object> variables(String taskKey, Map<String, String> form) {
		Map<String, Object> v = new HashMap<>();
		switch (taskKey) {
			case "Task_DecideAcceptance" -> {
				String acceptance = text(form, "acceptance");
				switch (acceptance) {
					case ReportProcess.ACCEPT -> v.put("caseSummary", text(form, "caseSummary"));
					case ReportProcess.DECLINE -> {
						if (text(form, "declineReason").isEmpty()) {
							throw new ReportRefused("不予受理须写明理由，理由将告知举报人");
						}
						v.put("declineReason", text(form, "declineReason"));
					}
					case ReportProcess.MERGE -> {
						String number = text(form, "mergeCaseNumber");
						if (cases.findByNumber(number).filter(c -> c.status().isOpen()).isEmpty()) {
							throw new ReportRefused("没有编号为“" + number + "”的在办案件");
						}
						v.put("mergeCaseNumber", number);
					}
					default -> throw new ReportRefused("请选择受理决定");
				}
				v.put("acceptance", acceptance);
			}
			case "Task_NotifyCaseFiled" -> v.put("caseNotice", text(form, "caseNotice"));
			case "Task_RecordConclusion" -> {
				if (text(form, "conclusion").isEmpty()) {
					throw new ReportRefused("请填写办理结果，它将告知举报人");
				}
				v.put("reportVerified", "true".equals(form.get("reportVerified")));
				v.put("factsNewToBureau", "true".equals(form.get("factsNewToBureau")));
				v.put("conclusion", text(form, "conclusion"));
			}
			case "Task_PayReward" -> {
				if (!"true".equals(form.get("rewardPaid"))) {
					throw new ReportRefused("请先核验举报人身份并发放奖励，再确认");
				}
				v.put("rewardPaid", true);
			}
			default -> throw new ReportRefused("未知任务");
		}
		return v;
	}

	private static String text(Map<String, String> form, String name) {
		String value = form.get(name);
		return value == null ? "" : value.strip();
	}
}

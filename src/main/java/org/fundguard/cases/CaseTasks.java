package org.fundguard.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.documents.DocumentRefused;
import org.fundguard.identity.Role;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.fundguard.process.TaskForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks of a case's process as the workbench offers them: claim, read the task's Camunda Form, complete it
 * with its values and uploaded documents. The module's rules run in the tasks' complete listeners, so a refused value
 * fails the completion the same way it does in Tasklist.
 */
@Service
public class CaseTasks {

	/** An upload handed in with a task. */
	public record Upload(String fileName, byte[] content) {
	}

	/** A task of the case and what the viewer may do with it. */
	public record CaseTask(String id, String name, String taskKey, String assignee, java.util.Date due, boolean mine,
			boolean claimable) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TaskService tasks;
	private final FormService forms;
	private final CaseDocuments documents;

	CaseTasks(TaskService tasks, FormService forms, CaseDocuments documents) {
		this.tasks = tasks;
		this.forms = forms;
		this.documents = documents;
	}

	public List<CaseTask> of(AuditCase c, CaseViewer viewer) {
		List<CaseTask> out = new ArrayList<>();
		for (Task t : tasks.createTaskQuery().processDefinitionKey(ProcessKeys.AUDIT_CASE)
			.processInstanceBusinessKey(c.number()).active().orderByTaskCreateTime().asc().list()) {
			boolean mine = viewer.username().equals(t.getAssignee());
			out.add(new CaseTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), t.getDueDate(), mine,
					t.getAssignee() == null && isCandidate(t.getId(), viewer)));
		}
		return out;
	}

	/** Claims a task the viewer is a candidate for (by group or by name). */
	@Transactional
	public void claim(String taskId, CaseViewer viewer) {
		Task t = open(taskId);
		if (t.getAssignee() != null) {
			throw new IllegalArgumentException("任务已由 " + t.getAssignee() + " 认领 / already claimed");
		}
		if (!isCandidate(taskId, viewer)) {
			throw new IllegalArgumentException("该任务不属于您或您的角色 / you are not a candidate for this task");
		}
		tasks.claim(taskId, viewer.username());
	}

	/** The task's form with the current values of its fields. */
	public TaskForm form(String taskId) {
		try (InputStream in = forms.getDeployedTaskForm(taskId)) {
			return TaskForm.parse(JSON.readTree(in), tasks.getVariables(taskId));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Stores the uploads as case documents, then completes the task; all or nothing. */
	@Transactional
	public void complete(AuditCase c, String taskId, CaseViewer viewer, Map<String, String> values, List<Upload> uploads) {
		Task t = open(taskId);
		if (!belongsTo(t, c)) {
			throw new IllegalArgumentException("任务不属于本案 / not a task of this case");
		}
		if (!viewer.username().equals(t.getAssignee())) {
			throw new IllegalArgumentException("请先认领任务再办理 / claim the task before completing it");
		}
		Map<String, Object> variables = form(taskId).variables(values);
		LinkedHashSet<String> ids = new LinkedHashSet<>();
		Object typed = variables.get(ProcessVariables.DOCUMENT_IDS);
		if (typed != null) {
			CaseTaskListeners.list(typed.toString()).forEach(ids::add);
		}
		for (Upload u : uploads) {
			if (u.content().length > 0) {
				ids.add(documents.upload(c.id(), u.fileName(), u.content(), t.getName(), viewer.actor()).document().id());
			}
		}
		variables.put(ProcessVariables.DOCUMENT_IDS, String.join(",", ids));
		tasks.complete(taskId, variables);
	}

	/** The message to show for a refused completion: the module's own words, not the engine's wrapper. */
	public static String problem(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof IllegalArgumentException || t instanceof DocumentRefused || t instanceof IllegalStateException) {
				return t.getMessage();
			}
		}
		return e.getMessage();
	}

	private Task open(String taskId) {
		return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).active().singleResult())
			.orElseThrow(() -> new IllegalArgumentException("任务不存在或已办结 / no such open task"));
	}

	private boolean belongsTo(Task t, AuditCase c) {
		Object number = tasks.getVariable(t.getId(), ProcessVariables.CASE_NUMBER);
		return c.number().equals(number);
	}

	private boolean isCandidate(String taskId, CaseViewer viewer) {
		return tasks.getIdentityLinksForTask(taskId).stream().anyMatch(l -> "candidate".equals(l.getType())
				&& (viewer.username().equals(l.getUserId())
						|| (l.getGroupId() != null && viewer.roles().stream().map(Role::id).anyMatch(l.getGroupId()::equals))));
	}
}

package org.fundguard.cases;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.process.TaskForm;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's open tasks as its page and API work them, through the task gateway (who may claim and complete, the form's
 * fields, the module's rules in the tasks' listeners): the same as in the workbench and Camunda Tasklist. What the
 * case page adds is the upload: files handed in with a task become documents of the case first, and their ids join the
 * form's {@code documentIds}.
 */
@Service
public class CaseWork {

	/** An upload handed in with a task. */
	public record Upload(String fileName, byte[] content) {
	}

	private final TaskGateway tasks;
	private final CaseDocuments documents;

	CaseWork(TaskGateway tasks, CaseDocuments documents) {
		this.tasks = tasks;
		this.documents = documents;
	}

	/** The case's open tasks and what the viewer may do with each. */
	public List<CaseTask> of(AuditCase c, CaseViewer viewer) {
		var user = viewer.user();
		return tasks.openOf(c.number(), AuditCaseVariables.PROCESS).stream()
			.map(t -> new CaseTask(t.id(), t.name(), t.key(), t.assignee(),
					t.due() == null ? null : Date.from(t.due().toInstant()), t.mine(user), t.claimable(user)))
			.toList();
	}

	public void claim(AuditCase c, String taskId, CaseViewer viewer) {
		of(c, taskId);
		tasks.claim(taskId, viewer.user());
	}

	/** The task's form with the current values of its fields. */
	public TaskForm form(String taskId) {
		return tasks.form(taskId);
	}

	/** Stores the uploads as case documents, then completes the task with them among its documents; all or nothing. */
	@Transactional
	public void complete(AuditCase c, String taskId, CaseViewer viewer, Map<String, String> values, List<Upload> uploads) {
		of(c, taskId);
		Map<String, String> submitted = new LinkedHashMap<>(values);
		if (!uploads.isEmpty()) {
			LinkedHashSet<String> ids = new LinkedHashSet<>(TaskValues.split(values.getOrDefault(AuditCaseVariables.DOCUMENT_IDS, "")));
			String purpose = tasks.find(taskId).map(WorkItem::name).orElse("案件材料");
			for (Upload u : uploads) {
				if (u.content().length > 0) {
					ids.add(documents.upload(c.id(), u.fileName(), u.content(), purpose, viewer.actor()).document().id());
				}
			}
			submitted.put(AuditCaseVariables.DOCUMENT_IDS, String.join(",", ids));
		}
		tasks.complete(taskId, viewer.user(), submitted);
	}

	/** The open task, which must be one of this case's process. */
	private WorkItem of(AuditCase c, String taskId) {
		return tasks.find(taskId)
			.filter(t -> AuditCaseVariables.PROCESS.equals(t.processKey()) && c.number().equals(t.subject()))
			.orElseThrow(() -> Refused.notFound("process.task.not-of-subject", c.number()));
	}
}

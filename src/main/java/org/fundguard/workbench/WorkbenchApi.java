package org.fundguard.workbench;

import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskForm;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The workbench for programs holding a bearer token: who I am, and every process's tasks through the one task gateway
 * (list mine, read one with its form, claim, release, complete with the form's fields). A task the caller may not work
 * is refused as not found, so its existence is not disclosed.
 */
@RestController
@RequestMapping("/api")
class WorkbenchApi {

	private final MyTasks myTasks;
	private final TaskGateway tasks;

	WorkbenchApi(MyTasks myTasks, TaskGateway tasks) {
		this.myTasks = myTasks;
		this.tasks = tasks;
	}

	@Operation(summary = "当前用户：姓名、角色、辖区 / who the token belongs to")
	@GetMapping("/me")
	Me me(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		return new Me(user.username(), user.displayName(),
				user.roles().stream().sorted().map(r -> new Me.RoleView(r.id(), r.label())).toList());
	}

	@Operation(summary = "我的待办：本人办理或可认领的任务 / my tasks: held by me or offered to me")
	@GetMapping("/tasks/mine")
	List<MyTasks.OpenTask> myTasks(Authentication authentication) {
		return myTasks.of(CurrentUser.from(authentication));
	}

	/** One task the caller may work, with its form's fields and their current values. */
	@Operation(summary = "一项任务及其表单字段 / one task with its form fields")
	@GetMapping("/tasks/{id}")
	TaskView task(@PathVariable String id, Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		WorkItem task = workable(id, user);
		return new TaskView(MyTasks.OpenTask.of(task, user, null, task.subject()), tasks.form(id));
	}

	@Operation(summary = "认领任务 / claim a task")
	@PostMapping("/tasks/{id}/claim")
	ResponseEntity<Void> claim(@PathVariable String id, Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		workable(id, user);
		tasks.claim(id, user);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "退回认领 / release a claimed task")
	@PostMapping("/tasks/{id}/release")
	ResponseEntity<Void> release(@PathVariable String id, Authentication authentication) {
		tasks.release(id, CurrentUser.from(authentication));
		return ResponseEntity.noContent().build();
	}

	/** Completes the task with its form's fields (as text, typed by the form); other keys are ignored. */
	@Operation(summary = "以表单字段办结任务 / complete a task with its form fields")
	@PostMapping("/tasks/{id}/complete")
	ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, String> fields,
			Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		workable(id, user);
		tasks.complete(id, user, fields);
		return ResponseEntity.noContent().build();
	}

	private WorkItem workable(String id, CurrentUser user) {
		return tasks.find(id).filter(t -> t.visibleTo(user))
			.orElseThrow(() -> Refused.notFound("process.task.not-open"));
	}

	record TaskView(MyTasks.OpenTask task, TaskForm form) {
	}

	record Me(String username, String displayName, List<RoleView> roles) {
		record RoleView(String id, String label) {
		}
	}
}

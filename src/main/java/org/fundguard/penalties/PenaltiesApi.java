package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fundguard.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Penalty procedures for programs holding a bearer token: the list, one procedure with its computation, and the
 * procedure's tasks (claim, complete) under the same rules as every other way in.
 */
@RestController
@RequestMapping("/api/penalties")
class PenaltiesApi {

	record Summary(long id, String caseNumber, String status, String statusLabel, String party, String article,
			BigDecimal fine, String decisionNumber, OffsetDateTime decisionDeadline) {
		static Summary of(PenaltyCase p) {
			return new Summary(p.id(), p.caseNumber(), p.status().name(), p.status().label(), p.partyName(),
					p.proposal().article(), p.proposal().fine(), p.decision().number(), p.decisionDeadline());
		}
	}

	record Detail(Summary summary, BigDecimal recovery, String measure, List<String> factors, List<String> computation,
			String noticeNumber, List<PenaltyTasks.PenaltyTask> openTasks) {
	}

	private final Penalties penalties;
	private final PenaltyTasks tasks;

	PenaltiesApi(Penalties penalties, PenaltyTasks tasks) {
		this.penalties = penalties;
		this.tasks = tasks;
	}

	@GetMapping
	List<Summary> list() {
		return penalties.latest(200).stream().map(Summary::of).toList();
	}

	@GetMapping("/{id}")
	Detail one(@PathVariable long id) {
		PenaltyCase p = penalties.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new Detail(Summary.of(p), p.proposal().recovery(), p.proposal().measureText(), p.proposal().factors(),
				p.proposal().computation(), p.notice().number(), tasks.openOf(id));
	}

	@GetMapping("/tasks")
	List<PenaltyTasks.PenaltyTask> myTasks(Authentication auth) {
		return tasks.openFor(CurrentUser.from(auth));
	}

	@PostMapping("/tasks/{taskId}/claim")
	Map<String, String> claim(@PathVariable String taskId, Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		tasks.claim(task(taskId, user), user);
		return Map.of("taskId", taskId, "assignee", user.username());
	}

	/** Completes the task with the fields of its form (as the workbench form would send them). */
	@PostMapping("/tasks/{taskId}/complete")
	Map<String, String> complete(@PathVariable String taskId, @RequestBody Map<String, Object> fields,
			Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		PenaltyTasks.PenaltyTask task = task(taskId, user);
		Map<String, Object> allowed = new java.util.LinkedHashMap<>();
		for (String field : PenaltyTaskPage.FIELDS.getOrDefault(task.key(), List.of())) {
			String name = field.replace("?", "");
			if (fields.containsKey(name)) {
				allowed.put(name, fields.get(name));
			}
		}
		tasks.complete(task, user, allowed);
		return Map.of("taskId", taskId, "completedBy", user.username());
	}

	@ExceptionHandler(PenaltyTasks.Refused.class)
	ResponseEntity<Map<String, String>> refused(PenaltyTasks.Refused e) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
	}

	private PenaltyTasks.PenaltyTask task(String taskId, CurrentUser user) {
		return tasks.find(taskId, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}

package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fundguard.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Penalty procedures for programs holding a bearer token: the list, one procedure with its computation, and the
 * procedure's tasks (claim, complete) through the task gateway, under the same rules as every other way in. Refusals
 * are answered as problem details by the one advice.
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
			String noticeNumber, List<PenaltyWork.PenaltyTask> openTasks) {
	}

	private final Penalties penalties;
	private final PenaltyWork work;

	PenaltiesApi(Penalties penalties, PenaltyWork work) {
		this.penalties = penalties;
		this.work = work;
	}

	@Operation(summary = "行政处罚案件 / the penalty procedures")
	@GetMapping
	List<Summary> list() {
		return penalties.latest(200).stream().map(Summary::of).toList();
	}

	@Operation(summary = "一件行政处罚案件 / one penalty procedure")
	@GetMapping("/{id}")
	Detail one(@PathVariable long id) {
		PenaltyCase p = penalties.get(id);
		return new Detail(Summary.of(p), p.proposal().recovery(), p.proposal().measureText(), p.proposal().factors(),
				p.proposal().computation(), p.notice().number(), work.openOf(id));
	}

	@Operation(summary = "我的行政处罚任务 / my penalty tasks")
	@GetMapping("/tasks")
	List<PenaltyWork.PenaltyTask> myTasks(Authentication auth) {
		return work.openFor(CurrentUser.from(auth));
	}

	@Operation(summary = "认领行政处罚任务 / claim a penalty task")
	@PostMapping("/tasks/{taskId}/claim")
	Map<String, String> claim(@PathVariable String taskId, Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		work.claim(taskId, user);
		return Map.of("taskId", taskId, "assignee", user.username());
	}

	/** Completes the task with the fields of its form that were sent; the others keep their current values. */
	@Operation(summary = "办结行政处罚任务 / complete a penalty task")
	@PostMapping("/tasks/{taskId}/complete")
	Map<String, String> complete(@PathVariable String taskId, @RequestBody Map<String, Object> fields,
			Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		work.completeWithCurrentValues(taskId, user, fields);
		return Map.of("taskId", taskId, "completedBy", user.username());
	}
}

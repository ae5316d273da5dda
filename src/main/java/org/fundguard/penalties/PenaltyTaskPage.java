package org.fundguard.penalties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fundguard.identity.CurrentUser;
import org.fundguard.penalties.review.Checklist;
import org.fundguard.penalties.review.LegalReviews;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One task of the penalty procedure in the workbench: the case in view, the form of that step, claim and complete.
 * Only the fields of that step are passed to the process; the task listeners apply the procedure's rules.
 */
@Controller
class PenaltyTaskPage {

	/** The fields each task's form may set; a leading ? marks a checkbox (Boolean). */
	static final Map<String, List<String>> FIELDS = Map.ofEntries(
			Map.entry("Task_ApproveFiling", List.of("?filingApproved", "filingOpinion")),
			Map.entry("Task_Investigate", List.of("investigationNote", "?complexCase")),
			Map.entry("Task_ProposePenalty", List.of("factors")),
			Map.entry("Task_ServeNotice", List.of("serviceMethod")),
			Map.entry("Task_RecordDefence", List.of("defence", "?hearingRequested", "factors")),
			Map.entry("Task_HoldHearing", List.of("hearingRecord", "factors")),
			Map.entry("Task_Deliberate", List.of("deliberationConclusion")),
			Map.entry("Task_MakeDecision", List.of("decisionNote")),
			Map.entry("Task_ApproveExtension", List.of("?extensionApproved", "?collectiveDecision", "extensionReason")),
			Map.entry("Task_ServeDecision", List.of("serviceMethod")),
			Map.entry("Task_PublishDecision", List.of("?publishConfirmed")),
			Map.entry("Task_RecordPayment", List.of("paidAmount", "paidOn")),
			Map.entry("Task_ReviewPenalty", List.of("?authorityOk", "?factsOk", "?evidenceOk", "?procedureOk",
					"?applicationOfLawOk", "?discretionOk", "reviewOutcome", "reviewOpinion")),
			Map.entry("Task_RevisePenalty", List.of("revision", "factors")));

	private final PenaltyTasks tasks;
	private final Penalties penalties;
	private final PenaltyProcedure procedure;
	private final PenaltyDecisions decisions;
	private final DiscretionTable table;
	private final LegalReviews reviews;

	PenaltyTaskPage(PenaltyTasks tasks, Penalties penalties, PenaltyProcedure procedure, PenaltyDecisions decisions,
			DiscretionTable table, LegalReviews reviews) {
		this.tasks = tasks;
		this.penalties = penalties;
		this.procedure = procedure;
		this.decisions = decisions;
		this.table = table;
		this.reviews = reviews;
	}

	@GetMapping("/penalties/tasks/{taskId}")
	String task(@PathVariable String taskId, @RequestParam(required = false) String preview,
			@RequestParam(required = false) List<String> factors, Authentication auth, Model model) {
		CurrentUser user = CurrentUser.from(auth);
		PenaltyTasks.PenaltyTask task = tasks.find(taskId, user)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该任务或无权办理"));
		PenaltyCase p = penalties.get(task.penaltyId());
		model.addAttribute("task", task);
		model.addAttribute("p", p);
		model.addAttribute("mine", user.username().equals(task.assignee()));
		model.addAttribute("factors", table.factors());
		Set<String> chosen = preview == null ? Set.copyOf(p.proposal().factors())
				: factors == null ? Set.of() : Set.copyOf(factors);
		model.addAttribute("chosen", chosen);
		if (preview != null || (!p.proposal().exists() && "Task_ProposePenalty".equals(task.key()))) {
			try {
				model.addAttribute("preview", procedure.preview(p.id(), chosen));
			}
			catch (IllegalArgumentException e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		model.addAttribute("rounds", reviews.rounds(p.id()));
		model.addAttribute("checklistLabels", Checklist.LABELS);
		model.addAttribute("checklistFields", List.of("authorityOk", "factsOk", "evidenceOk", "procedureOk",
				"applicationOfLawOk", "discretionOk"));
		if ("Task_RecordPayment".equals(task.key())) {
			model.addAttribute("owed", decisions.owed(p.id(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
		}
		return "penalties/task";
	}

	@PostMapping("/penalties/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, Authentication auth, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		PenaltyTasks.PenaltyTask task = tasks.find(taskId, user)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			tasks.claim(task, user);
			redirect.addFlashAttribute("message", "已认领");
		}
		catch (PenaltyTasks.Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/penalties/tasks/" + taskId;
	}

	@PostMapping("/penalties/tasks/{taskId}")
	String complete(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Authentication auth,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		PenaltyTasks.PenaltyTask task = tasks.find(taskId, user)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			tasks.complete(task, user, fields(task.key(), form));
		}
		catch (PenaltyTasks.Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/penalties/tasks/" + taskId;
		}
		redirect.addFlashAttribute("message", "“" + task.name() + "”已办理完毕");
		return "redirect:/penalties/" + task.penaltyId();
	}

	/** The task's own fields from the submitted form; nothing else reaches the process. */
	static Map<String, Object> fields(String taskKey, MultiValueMap<String, String> form) {
		Map<String, Object> vars = new LinkedHashMap<>();
		for (String field : FIELDS.getOrDefault(taskKey, List.of())) {
			if (field.startsWith("?")) {
				String name = field.substring(1);
				List<String> values = form.get(name);
				vars.put(name, values != null && values.contains("true"));
			}
			else if (field.equals("factors")) {
				List<String> values = form.get(field);
				vars.put(field, values == null ? "" : String.join(",", values));
			}
			else {
				vars.put(field, form.getFirst(field));
			}
		}
		return vars;
	}
}

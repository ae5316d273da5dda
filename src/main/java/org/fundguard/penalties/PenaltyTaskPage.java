package org.fundguard.penalties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.penalties.review.Checklist;
import org.fundguard.penalties.review.LegalReviews;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One task of the penalty procedure in the workbench: the case in view, the form of that step, claim and complete
 * through the task gateway. Only the fields of the task's own form reach the process; its listeners apply the
 * procedure's rules and a refusal is shown on the page.
 */
@Controller
class PenaltyTaskPage {

	private final PenaltyWork work;
	private final Penalties penalties;
	private final PenaltyProcedure procedure;
	private final PenaltyDecisions decisions;
	private final DiscretionTable table;
	private final LegalReviews reviews;
	private final SelfInspectionDiscretion selfInspections;

	PenaltyTaskPage(PenaltyWork work, Penalties penalties, PenaltyProcedure procedure, PenaltyDecisions decisions,
			DiscretionTable table, LegalReviews reviews, SelfInspectionDiscretion selfInspections) {
		this.selfInspections = selfInspections;
		this.work = work;
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
		PenaltyWork.PenaltyTask task = work.find(taskId, user);
		PenaltyCase p = penalties.get(task.penaltyId());
		model.addAttribute("task", task);
		model.addAttribute("p", p);
		model.addAttribute("mine", user.username().equals(task.assignee()));
		model.addAttribute("mayWork", work.mayWork(taskId, user));
		model.addAttribute("factors", table.factors());
		// what the institution's self-inspections suggest (自查自纠), with the cause; ticked before the first proposal
		List<SelfInspectionDiscretion.Suggestion> suggested = selfInspections.of(p);
		model.addAttribute("suggestions", suggested);
		Set<String> chosen = preview != null ? (factors == null ? Set.of() : Set.copyOf(factors))
				: p.proposal().exists() ? Set.copyOf(p.proposal().factors())
				: suggested.stream().map(SelfInspectionDiscretion.Suggestion::factorCode).collect(java.util.stream.Collectors.toSet());
		model.addAttribute("chosen", chosen);
		if (preview != null || (!p.proposal().exists() && "Task_ProposePenalty".equals(task.key()))) {
			try {
				model.addAttribute("preview", procedure.preview(p.id(), chosen));
			}
			catch (Refused e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		model.addAttribute("rounds", reviews.rounds(p.id()));
		model.addAttribute("checklistLabels", Checklist.LABELS);
		model.addAttribute("checklistFields", List.of(PenaltyVariables.CHECK_AUTHORITY, PenaltyVariables.CHECK_FACTS,
				PenaltyVariables.CHECK_EVIDENCE, PenaltyVariables.CHECK_PROCEDURE, PenaltyVariables.CHECK_APPLICATION_OF_LAW,
				PenaltyVariables.CHECK_DISCRETION));
		if ("Task_RecordPayment".equals(task.key())) {
			model.addAttribute("owed", decisions.owed(p.id(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
		}
		return "penalties/task";
	}

	@PostMapping("/penalties/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, Authentication auth, RedirectAttributes redirect) {
		try {
			work.claim(taskId, CurrentUser.from(auth));
			redirect.addFlashAttribute("message", "已认领");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/penalties/tasks/" + taskId;
	}

	@PostMapping("/penalties/tasks/{taskId}")
	String complete(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Authentication auth,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		PenaltyWork.PenaltyTask task = work.find(taskId, user);
		try {
			work.complete(taskId, user, fields(form));
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/penalties/tasks/" + taskId;
		}
		redirect.addFlashAttribute("message", "“" + task.name() + "”已办理完毕");
		return "redirect:/penalties/" + task.penaltyId();
	}

	/** The posted form as the task form reads it: several values of one field (the factors) joined by commas. */
	static Map<String, String> fields(MultiValueMap<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.forEach((name, values) -> fields.put(name, String.join(",", values)));
		return fields;
	}
}

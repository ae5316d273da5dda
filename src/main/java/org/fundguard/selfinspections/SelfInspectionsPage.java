package org.fundguard.selfinspections;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.fundguard.process.WorkItem;
import org.fundguard.rules.RuleCatalogue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bureau's self-inspection pages: the list with each one's progress, the launch form (directors), and one
 * self-inspection with every institution's answer, the refunds and the director's close, which completes the
 * process's task through the task gateway as Tasklist would.
 */
@Controller
class SelfInspectionsPage {

	/** The institution types of the exports, as the bureau names them. */
	static final Map<String, String> TYPES = Map.of("hospital", "医院", "clinic", "诊所", "pharmacy", "药店");

	private final SelfInspections selfInspections;
	private final RuleCatalogue rules;
	private final TaskGateway tasks;

	SelfInspectionsPage(SelfInspections selfInspections, RuleCatalogue rules, TaskGateway tasks) {
		this.selfInspections = selfInspections;
		this.rules = rules;
		this.tasks = tasks;
	}

	@GetMapping("/self-inspections")
	String list(Model model) {
		List<SelfInspection> all = selfInspections.all();
		model.addAttribute("selfInspections", all);
		model.addAttribute("progress", all.stream().collect(java.util.stream.Collectors.toMap(SelfInspection::id,
				s -> selfInspections.progress(s.id()))));
		model.addAttribute("rules", rules.all());
		model.addAttribute("types", TYPES);
		return "selfinspections/list";
	}

	@PostMapping("/self-inspections")
	String launch(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> ruleIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "") String regions, @RequestParam(required = false) List<String> types,
			@RequestParam(defaultValue = "") String providers, @RequestParam(defaultValue = "0") int deadlineDays,
			Authentication auth, RedirectAttributes redirect) {
		try {
			long id = selfInspections.launch(new SelfInspectionDraft(name, ruleIds, from, to, TaskValues.split(regions), types,
					TaskValues.split(providers), deadlineDays), CurrentUser.from(auth));
			redirect.addFlashAttribute("message", "自查自纠已发起，已向范围内各机构下发自查任务");
			return "redirect:/self-inspections/" + id;
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/self-inspections";
		}
	}

	@GetMapping("/self-inspections/{id}")
	String one(@PathVariable long id, Authentication auth, Model model) {
		SelfInspection s = selfInspections.get(id);
		model.addAttribute("inspection", s);
		model.addAttribute("reports", selfInspections.reports(id));
		model.addAttribute("progress", selfInspections.progress(id));
		model.addAttribute("ruleNames", s.ruleIds().stream().map(r -> rules.find(r).map(d -> d.nameZh()).orElse(r)).toList());
		closeTask(id).filter(t -> t.workableBy(CurrentUser.from(auth))).ifPresent(t -> model.addAttribute("closeTask", t));
		return "selfinspections/detail";
	}

	@PostMapping("/self-inspections/{id}/close")
	String close(@PathVariable long id, @RequestParam(defaultValue = "") String closingNote, Authentication auth,
			RedirectAttributes redirect) {
		try {
			WorkItem task = closeTask(id).orElseThrow(() -> Refused.conflict("selfinspections.already-closed"));
			tasks.complete(task.id(), CurrentUser.from(auth), Map.of(SelfInspectionVariables.CLOSING_NOTE, closingNote));
			redirect.addFlashAttribute("message", "自查自纠已结束");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/self-inspections/" + id;
	}

	private java.util.Optional<WorkItem> closeTask(long id) {
		return tasks.openOf(SelfInspections.subject(id), SelfInspectionVariables.KEY).stream()
			.filter(t -> "Task_CloseSelfInspection".equals(t.key()))
			.findFirst();
	}
}

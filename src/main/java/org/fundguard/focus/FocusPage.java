package org.fundguard.focus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.rules.RuleLabels;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The focused inspections' pages: the list, and one focused inspection with its analysis (charts and drivers), its
 * plan's progress, every step's record and the open task of the user, completed through the task gateway as Tasklist
 * would.
 */
@Controller
class FocusPage {

	private final FocusedInspections focus;
	private final FundAnalyses analyses;
	private final TaskGateway tasks;
	private final RuleLabels labels;

	FocusPage(FocusedInspections focus, FundAnalyses analyses, TaskGateway tasks, RuleLabels labels) {
		this.focus = focus;
		this.analyses = analyses;
		this.tasks = tasks;
		this.labels = labels;
	}

	@GetMapping("/focus")
	String list(Model model) {
		model.addAttribute("inspections", focus.all());
		return "focus/list";
	}

	@GetMapping("/focus/{id}")
	String one(@PathVariable long id, Authentication auth, Model model) {
		FocusedInspection f = focus.get(id);
		FundAnalysis analysis = analyses.of(f);
		CurrentUser user = CurrentUser.from(auth);
		model.addAttribute("focus", f);
		model.addAttribute("analysis", analysis);
		model.addAttribute("chart", FocusCharts.of(analysis, labels));
		model.addAttribute("shown", FocusCharts.SHOWN);
		model.addAttribute("ruleNames", labels.names(String.join(",", f.ruleIds())));
		model.addAttribute("plan", focus.planProgress(f).orElse(null));
		Optional<WorkItem> open = openTask(id);
		open.ifPresent(t -> model.addAttribute("openTask", t));
		open.filter(t -> t.workableBy(user)).ifPresent(t -> {
			model.addAttribute("task", t);
			model.addAttribute("form", tasks.form(t.id()));
		});
		return "focus/detail";
	}

	@PostMapping("/focus/{id}/tasks/{taskId}")
	String complete(@PathVariable long id, @PathVariable String taskId, @RequestParam Map<String, String> values,
			Authentication auth, RedirectAttributes redirect) {
		try {
			WorkItem task = openTask(id).filter(t -> t.id().equals(taskId))
				.orElseThrow(() -> Refused.conflict("focus.step.not-open", focus.get(id).status().label()));
			Map<String, String> submitted = new LinkedHashMap<>(values);
			submitted.remove("_csrf");
			tasks.complete(task.id(), CurrentUser.from(auth), submitted);
			redirect.addFlashAttribute("message", "已办理：" + task.name());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/focus/" + id;
	}

	private Optional<WorkItem> openTask(long id) {
		return tasks.openOf(FocusedInspections.subject(id), FocusVariables.KEY).stream().findFirst();
	}
}

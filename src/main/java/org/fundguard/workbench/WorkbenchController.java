package org.fundguard.workbench;

import org.fundguard.cases.CaseDeadlines;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.SignIns;
import org.fundguard.process.TaskGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page every signed-in user lands on: who I am, my roles, my open tasks, and where to go next. */
@Controller
class WorkbenchController {

	private final MyTasks myTasks;
	private final TaskGateway tasks;
	private final SignIns signIns;
	private final CaseDeadlines caseDeadlines;

	WorkbenchController(MyTasks myTasks, TaskGateway tasks, SignIns signIns, CaseDeadlines caseDeadlines) {
		this.myTasks = myTasks;
		this.tasks = tasks;
		this.signIns = signIns;
		this.caseDeadlines = caseDeadlines;
	}

	@GetMapping("/")
	String workbench(Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		model.addAttribute("roles", user.roles().stream().sorted().toList());
		model.addAttribute("tasks", myTasks.of(user));
		model.addAttribute("previousSignIn", signIns.previousSignIn(user.username()).orElse(null));
		if (user.mayDirectCases()) {
			model.addAttribute("escalations", caseDeadlines.escalations());
		}
		return "workbench/index";
	}

	/** Claims a task offered to the user's role or to the user by name; a refusal shows on the workbench. */
	@PostMapping("/tasks/{id}/claim")
	String claim(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		try {
			tasks.claim(id, CurrentUser.from(authentication));
			redirect.addFlashAttribute("message", "已认领任务");
		}
		catch (Refused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/";
	}
}

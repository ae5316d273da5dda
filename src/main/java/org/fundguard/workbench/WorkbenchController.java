package org.fundguard.workbench;

import org.fundguard.Jurisdiction;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.SignIns;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page every signed-in user lands on: who I am, my roles, my open tasks, and where to go next. */
@Controller
class WorkbenchController {

	private final MyTasks myTasks;
	private final SignIns signIns;
	private final Jurisdiction jurisdiction;

	WorkbenchController(MyTasks myTasks, SignIns signIns, Jurisdiction jurisdiction) {
		this.myTasks = myTasks;
		this.signIns = signIns;
		this.jurisdiction = jurisdiction;
	}

	@GetMapping("/")
	String workbench(Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		model.addAttribute("user", user);
		model.addAttribute("roles", user.roles().stream().sorted().toList());
		model.addAttribute("tasks", myTasks.of(user));
		model.addAttribute("previousSignIn", signIns.previousSignIn(user.username()).orElse(null));
		model.addAttribute("bureau", jurisdiction.bureauName());
		return "workbench/index";
	}
}

package org.fundguard.workbench;

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
	WorkbenchController(MyTasks myTasks, SignIns signIns) {
		this.myTasks = myTasks;
		this.signIns = signIns;
	}

	@GetMapping("/")
	String workbench(Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		model.addAttribute("roles", user.roles().stream().sorted().toList());
		model.addAttribute("tasks", myTasks.of(user));
		model.addAttribute("previousSignIn", signIns.previousSignIn(user.username()).orElse(null));
		return "workbench/index";
	}
}

package org.fundguard.workbench;

import java.util.List;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The home of a designated institution's user (the bureau's workbench answers it 403): which institution it acts
 * for, its open tasks, and its pages. Phone-sized: the institutions' staff work from the ward as often as from a desk.
 * Only its own institution's tasks are listed, as they are offered to its institution's group alone.
 */
@Controller
class InstitutionHomeController {

	private final MyTasks myTasks;
	private final TaskGateway tasks;
	private final ClaimsDirectory directory;

	InstitutionHomeController(MyTasks myTasks, TaskGateway tasks, ClaimsDirectory directory) {
		this.myTasks = myTasks;
		this.tasks = tasks;
		this.directory = directory;
	}

	@GetMapping("/institution")
	String home(Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		String code = user.providerCode();
		// a token with the role and no code is bound to no institution: it is told so and shown nothing
		model.addAttribute("providerCode", code);
		model.addAttribute("providerName", providerName(user));
		model.addAttribute("tasks", code == null ? List.of() : myTasks.of(user));
		return "workbench/institution";
	}

	/** Who an institution's token belongs to, for its system to check its binding before it calls anything else. */
	record InstitutionMe(String username, String displayName, String providerCode, String providerName) {
	}

	@Operation(summary = "当前机构用户或机构系统：所属定点医药机构 / the institution the token acts for")
	@GetMapping("/api/institution/me")
	@ResponseBody
	InstitutionMe me(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		return new InstitutionMe(user.username(), user.displayName(), user.providerCode(), providerName(user));
	}

	@Operation(summary = "本机构的待办任务 / the open tasks offered to the calling institution")
	@GetMapping("/api/institution/tasks")
	@ResponseBody
	List<MyTasks.OpenTask> myTasks(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		return user.providerCode() == null ? List.of() : myTasks.of(user);
	}

	private String providerName(CurrentUser user) {
		return user.providerCode() == null ? null
				: directory.provider(user.providerCode()).map(ClaimsDirectory.Provider::name).orElse(null);
	}

	/** Claims a task offered to the user's institution; a refusal shows on the institution home. */
	@PostMapping("/institution/tasks/{id}/claim")
	String claim(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		try {
			tasks.claim(id, CurrentUser.from(authentication));
			redirect.addFlashAttribute("message", "已认领任务");
		}
		catch (Refused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/institution";
	}
}

package org.fundguard.workbench;

import java.util.List;

import org.fundguard.identity.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workbench's facts for programs holding a bearer token. */
@RestController
@RequestMapping("/api")
class WorkbenchApi {

	private final MyTasks myTasks;

	WorkbenchApi(MyTasks myTasks) {
		this.myTasks = myTasks;
	}

	@GetMapping("/me")
	Me me(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		return new Me(user.username(), user.displayName(),
				user.roles().stream().sorted().map(r -> new Me.RoleView(r.id(), r.label())).toList());
	}

	@GetMapping("/tasks/mine")
	List<MyTasks.OpenTask> myTasks(Authentication authentication) {
		return myTasks.of(CurrentUser.from(authentication));
	}

	record Me(String username, String displayName, List<RoleView> roles) {
		record RoleView(String id, String label) {
		}
	}

}

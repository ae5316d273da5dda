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
	private final org.fundguard.cases.CaseTasks caseTasks;

	WorkbenchApi(MyTasks myTasks, org.fundguard.cases.CaseTasks caseTasks) {
		this.myTasks = myTasks;
		this.caseTasks = caseTasks;
	}

	@GetMapping("/me")
	Me me(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		return new Me(user.username(), user.displayName(),
				user.roles().stream().sorted().map(r -> new Me.RoleView(r.id(), r.label())).toList());
	}

	/** Claims a task offered to the caller's role or to the caller by name; 400 with the reason otherwise. */
	@org.springframework.web.bind.annotation.PostMapping("/tasks/{id}/claim")
	org.springframework.http.ResponseEntity<?> claim(@org.springframework.web.bind.annotation.PathVariable String id,
			Authentication authentication) {
		try {
			caseTasks.claim(id, org.fundguard.cases.CaseViewer.of(authentication));
			return org.springframework.http.ResponseEntity.noContent().build();
		}
		catch (IllegalArgumentException e) {
			return org.springframework.http.ResponseEntity.badRequest().body(java.util.Map.of("message", e.getMessage()));
		}
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

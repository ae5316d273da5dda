package org.fundguard.process;

import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.identity.CurrentUser;

/**
 * An open user task as every page, the API and the workbench list it, whatever its process: who it is for, when it is
 * due (in working days, in the bureau's time) and what it is about (the process's business key: a case, report or
 * plan number).
 *
 * @param key the task's definition key in its model, e.g. {@code Task_DecideFiling}
 * @param processKey the key of the process the task belongs to, e.g. {@code audit-case}
 * @param subject the business key of the task's process instance
 * @param workingDaysLeft working days to the due date (0 on its last day, negative once overdue); null without a due
 *     date or beyond the working calendar
 */
public record WorkItem(String id, String key, String name, String processKey, String processInstanceId, String subject,
		String assignee, List<String> candidateGroups, List<String> candidateUsers, OffsetDateTime created,
		OffsetDateTime due, boolean overdue, Integer workingDaysLeft) {

	public WorkItem {
		candidateGroups = List.copyOf(candidateGroups);
		candidateUsers = List.copyOf(candidateUsers);
	}

	/** Assigned to the user. */
	public boolean mine(CurrentUser user) {
		return user.username().equals(assignee);
	}

	/** Offered to the user by name or to one of the user's roles, whoever holds it now. */
	public boolean offeredTo(CurrentUser user) {
		return candidateUsers.contains(user.username()) || candidateGroups.stream().anyMatch(user.groupIds()::contains);
	}

	/** Nobody holds it and the user may take it. */
	public boolean claimable(CurrentUser user) {
		return assignee == null && offeredTo(user);
	}

	/** The user holds it or is offered it (even while a colleague holds it): may read it, not necessarily work it. */
	public boolean visibleTo(CurrentUser user) {
		return mine(user) || offeredTo(user);
	}

	/** The user may work it now, or after claiming it. */
	public boolean workableBy(CurrentUser user) {
		return mine(user) || claimable(user);
	}
}

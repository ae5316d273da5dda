package org.fundguard.process;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

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
 * @param dueProvisional the due date is counted over a year whose calendar is still provisional (暂按法定节假日计算)
 * @param barredUsers users a module's rule bars from the task although their role is offered it ({@link TaskExclusions})
 */
public record WorkItem(String id, String key, String name, String processKey, String processInstanceId, String subject,
		String assignee, List<String> candidateGroups, List<String> candidateUsers, OffsetDateTime created,
		OffsetDateTime due, boolean overdue, Integer workingDaysLeft, boolean dueProvisional, Set<String> barredUsers) {

	public WorkItem {
		candidateGroups = List.copyOf(candidateGroups);
		candidateUsers = List.copyOf(candidateUsers);
		barredUsers = Set.copyOf(barredUsers);
	}

	/** A module's rule bars the user from this task (e.g. who investigated a case does not review it). */
	public boolean barred(CurrentUser user) {
		return barredUsers.contains(user.username());
	}

	/** Listed for the user: held by the user, or offered to the user and not barred. */
	public boolean listedFor(CurrentUser user) {
		return mine(user) || (offeredTo(user) && !barred(user));
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
		return assignee == null && offeredTo(user) && !barred(user);
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

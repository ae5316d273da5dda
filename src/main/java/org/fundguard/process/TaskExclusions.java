package org.fundguard.process;

import java.util.Map;
import java.util.Set;

/**
 * A module's rule that bars some users from a task although it is offered to their role, such as the separation of
 * duties of a legal review (who investigated a case does not review it). Asked once, when the task is created; the
 * barred users are then not offered the task anywhere: FundGuard's lists and Camunda Tasklist leave it out for them
 * (a revoked read authorization on the task, which {@link TaskGateway} reads too), and their attempts to take it are
 * still refused by the module's own listeners.
 */
public interface TaskExclusions {

	/** A task being created: its definition key, its process's key and the variables it sees. */
	record NewTask(String key, String processKey, String processInstanceId, Map<String, Object> variables) {
	}

	/** The users who may not take this task; empty for most tasks. */
	Set<String> barredFrom(NewTask task);
}

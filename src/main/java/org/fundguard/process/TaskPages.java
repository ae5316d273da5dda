package org.fundguard.process;

import java.util.Optional;

/**
 * Where a module's own pages work a task of its processes, so that the workbench can link every task to its page
 * without knowing any module: each module that owns processes declares one such bean. A task no bean claims is worked
 * in Camunda Tasklist.
 */
public interface TaskPages {

	/** The path of the page that works this task (or shows its subject), if it is one of this module's. */
	Optional<String> pageOf(WorkItem task);

	/**
	 * What the task is about as its users name it, where the business key is not that name (a plan's key is
	 * {@code plan-12}, its users know it by its name); empty keeps the business key.
	 */
	default Optional<String> subjectOf(WorkItem task) {
		return Optional.empty();
	}
}

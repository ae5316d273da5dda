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
}

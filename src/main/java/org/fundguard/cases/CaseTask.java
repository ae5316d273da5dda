package org.fundguard.cases;

import java.util.Date;

/**
 * An open task of a case's process as the case page and the case API show it to one viewer: whether it is the
 * viewer's, or the viewer may take it.
 *
 * @param taskKey the task's id in the model, e.g. {@code Task_RecordFindings}
 */
public record CaseTask(String id, String name, String taskKey, String assignee, Date due, boolean mine,
		boolean claimable) {
}

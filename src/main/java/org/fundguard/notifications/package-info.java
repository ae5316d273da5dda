/**
 * Notifications (通知): deadline reminders and escalations of every process's tasks, reporters' new messages and
 * issued signals reach the people concerned in the workbench (the bell), by mail and by an optional webhook, through
 * an outbox that a mail server's outage cannot empty or double.
 */
@ApplicationModule(displayName = "通知 Notifications",
		allowedDependencies = {
			"appeals", "reports",
			"calendar", "database", "errors", "identity", "process" })
package org.fundguard.notifications;

import org.springframework.modulith.ApplicationModule;

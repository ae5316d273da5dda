package org.fundguard.notifications;

/**
 * One thing to tell: the same title, text and link go to the bell, the mail and the webhook.
 *
 * @param link a workbench path (e.g. {@code /reports/12}), or null
 * @param sourceKey what it is about, unique per recipient (a task and kind, a message id): telling it again is a no-op
 */
public record Notice(NoticeKind kind, String title, String body, String link, String sourceKey) {

	public Notice {
		if (kind == null || title == null || body == null || sourceKey == null) {
			throw new IllegalArgumentException("a notice needs a kind, a title, a body and a source key");
		}
	}
}

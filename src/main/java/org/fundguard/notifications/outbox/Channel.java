package org.fundguard.notifications.outbox;

/** The outside channels a notification travels by; the bell needs no outbox. */
public enum Channel {
	MAIL, WEBHOOK
}

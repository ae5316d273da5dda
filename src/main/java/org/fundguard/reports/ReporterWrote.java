package org.fundguard.reports;

/**
 * A reporter wrote a message on a report through the portal, in its transaction: the report's handlers are to be told.
 * Carries no text: the message is sealed, and a notification says only that there is one.
 */
public record ReporterWrote(long reportId, String reportNumber, long messageId) {
}

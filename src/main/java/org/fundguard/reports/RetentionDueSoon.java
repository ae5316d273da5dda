package org.fundguard.reports;

import java.time.OffsetDateTime;

/**
 * Something a reporter gave falls due for purging within the warning days: the handlers are to be told before it goes.
 * Announced every night until the purge, so the key (kind and report) is what keeps a handler from hearing it twice.
 */
public record RetentionDueSoon(String kind, String kindLabel, long reportId, String reportNumber, OffsetDateTime purgeOn) {
}

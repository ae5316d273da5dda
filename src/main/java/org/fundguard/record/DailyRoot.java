package org.fundguard.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One day's published root over the heads of all cases' records. */
public record DailyRoot(LocalDate day, int treeSize, String rootHash, OffsetDateTime computedAt) {
}

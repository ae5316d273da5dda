package org.fundguard.inspections;

import java.time.OffsetDateTime;

/** One workbench change of the inspector pool: who changed what, when and why. */
public record PoolChange(long id, String inspectorId, String field, String oldValue, String newValue, String reason,
		String changedBy, OffsetDateTime changedAt) {
}

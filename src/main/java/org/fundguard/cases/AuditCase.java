package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An audit case (稽核案件) as other modules and pages see it. */
public record AuditCase(long id, String number, SubjectType subjectType, String subjectKey, String subjectName,
		String subjectRegion, CaseSource source, String sourceRef, BigDecimal amount, String summary, CaseStatus status,
		OffsetDateTime receivedAt, OffsetDateTime openedAt, String openedBy, Long mergedInto) {
}

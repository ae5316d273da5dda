package org.fundguard.cases;

import org.fundguard.record.Actor;

/**
 * Published, inside the transaction that decided it, when an audit case's findings are handed over to the
 * administrative-penalty procedure. The penalties module starts its process from it; when that process ends it
 * correlates {@link org.fundguard.process.ProcessKeys#MESSAGE_PENALTY_PROCEDURE_CONCLUDED} to the waiting audit case
 * (correlated by the {@code caseId} variable).
 */
public record PenaltyProcedureRequested(long caseId, String caseNumber, Actor requestedBy) {
}

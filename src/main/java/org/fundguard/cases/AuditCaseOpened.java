package org.fundguard.cases;

/**
 * Published, inside the opening transaction, when a case has been opened; the audit-case process starts from it,
 * so a case never exists without its process or the reverse.
 */
public record AuditCaseOpened(long caseId, String caseNumber, CaseSource source) {
}

package org.fundguard.focus;

/**
 * A lead's focused inspection was opened, in the opening's transaction: lead triage marks the lead as taken up (a
 * lead whose state allows it no more refuses, and nothing is opened).
 *
 * @param openedAs the role the user opened it in (analyst or director)
 */
public record FocusedInspectionOpened(long focusId, String leadId, String openedBy, String openedAs) {
}

package org.fundguard.appeals;

/**
 * Something changed among a lead's issued signals (issued, answered, appealed, decided, confirmed at the deadline):
 * the lead's state follows from {@link IssuedSignals#reviewOf(String)}.
 */
public record IssuedSignalsChanged(String leadId) {
}

package org.fundguard.penalties;

/**
 * Whether a proposal needs legal review (法制审核) and collective deliberation (集体讨论), and why.
 */
public record Assessment(boolean legalReview, boolean deliberation, String reasons) {
}

package org.fundguard.penalties;

import java.math.BigDecimal;
import java.util.List;

import org.fundguard.cases.SubjectType;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;

/**
 * A penalty as the discretion table computed it, with every step of the computation in words.
 *
 * @param base the amount the multiple applies to (the loss), null for a fixed-amount fine
 * @param multiple the multiple of the base, null for a fixed-amount fine or none
 * @param position where in the legal range the factors put the case (0–1)
 * @param measureMonths months of suspension, 0 when none
 * @param lines the computation explained line by line, as stored and shown
 */
public record ProposedPenalty(String article, SubjectType subject, BigDecimal recovery, BigDecimal base,
		BigDecimal multiple, BigDecimal fine, MeasureKind measure, int measureMonths, boolean termination,
		double position, List<String> factors, List<String> lines) {

	public ProposedPenalty {
		factors = List.copyOf(factors);
		lines = List.copyOf(lines);
	}

	/** A suspension or termination of the agreement, or a suspension of the person's settlement. */
	public boolean hasMeasure() {
		return termination || (measure != MeasureKind.NONE && measureMonths > 0);
	}

	/**
	 * Whether this penalty is heavier than another in any part: a higher fine, a longer suspension, a termination or
	 * a measure where there was none. The procedure refuses such a change once the party has been notified: a
	 * penalty may not rise because the party defended itself.
	 */
	public boolean heavierThan(ProposedPenalty other) {
		return fine.compareTo(other.fine) > 0 || measureMonths > other.measureMonths
				|| (termination && !other.termination) || (hasMeasure() && !other.hasMeasure());
	}

	public BigDecimal total() {
		return recovery.add(fine);
	}

	/** What the measure is, in words, or empty. */
	public String measureText() {
		if (termination) {
			return "解除医保服务协议";
		}
		return hasMeasure() ? measure.label() + " " + measureMonths + " 个月" : "";
	}

	public String computation() {
		return String.join("\n", lines);
	}
}

package org.fundguard.appeals;

import java.math.BigDecimal;

/**
 * Where a lead's issued signals stand.
 *
 * @param issued signals issued to the institution (0 = never issued)
 * @param awaiting issued, not answered yet
 * @param appealed appealed, not decided yet
 * @param confirmed accepted, confirmed at the deadline, or appeal rejected
 * @param voided appeal upheld (the signal is void)
 * @param confirmedAmount the money of the confirmed signals, in yuan
 */
public record LeadReview(int issued, int awaiting, int appealed, int confirmed, int voided, BigDecimal confirmedAmount) {

	public static LeadReview none() {
		return new LeadReview(0, 0, 0, 0, 0, BigDecimal.ZERO);
	}

	/** Every issued signal is decided one way or the other. */
	public boolean settled() {
		return issued > 0 && awaiting == 0 && appealed == 0;
	}
}

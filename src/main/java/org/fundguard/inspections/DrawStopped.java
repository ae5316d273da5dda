package org.fundguard.inspections;

import org.fundguard.errors.Refused;

/**
 * A draw that cannot be made as planned: the draw keeps nothing, and the message (Chinese, from the bundle) says why,
 * for the director who decides what next and for the public page of the voided commitment.
 */
public class DrawStopped extends Refused {

	public DrawStopped(String key, Object... args) {
		super(Reason.CONFLICT, key, null, args);
	}
}

package org.fundguard.inspections;

/** A draw that cannot be made as planned; the message says why, in Chinese, for the director. */
public class DrawStopped extends RuntimeException {

	public DrawStopped(String message) {
		super(message);
	}
}

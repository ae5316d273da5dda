package org.fundguard.documents;

import org.fundguard.errors.Refused;

/**
 * A file that is too large, empty, or not of an accepted type: a refusal (400) whose message is for the person who
 * sent it. Its own type so that a page which takes several uploads can tell a refused file from its other errors.
 */
public class DocumentRefused extends Refused {

	private DocumentRefused(String key, Object... args) {
		super(Reason.INVALID, key, null, args);
	}

	/** The file may not be kept, for the reason the key names. */
	public static DocumentRefused because(String key, Object... args) {
		return new DocumentRefused(key, args);
	}
}

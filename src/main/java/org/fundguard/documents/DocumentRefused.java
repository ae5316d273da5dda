package org.fundguard.documents;

/** A file that is too large, empty, or not of an accepted type; the message is for the person who sent it. */
public class DocumentRefused extends RuntimeException {

	DocumentRefused(String message) {
		super(message);
	}
}

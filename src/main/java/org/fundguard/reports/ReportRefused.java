package org.fundguard.reports;

/** A report, message or step that cannot be accepted, with a message in Chinese for the person who sent it. */
public class ReportRefused extends RuntimeException {

	ReportRefused(String message) {
		super(message);
	}
}

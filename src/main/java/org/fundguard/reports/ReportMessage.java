package org.fundguard.reports;

import java.time.OffsetDateTime;

/**
 * One message of the conversation between reporter and handlers.
 *
 * @param handlerId the handler who wrote it; null for the reporter's messages (the reporter has no name here)
 */
record ReportMessage(long id, Author author, String handlerId, String body, OffsetDateTime at) {

	enum Author {
		REPORTER("举报人"), HANDLER("受理人员");

		private final String label;

		Author(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}

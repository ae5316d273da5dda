package org.fundguard.reports;

import java.util.List;

import org.fundguard.documents.DocumentType;

/**
 * One evidence file of a report, as stored: a neutral name, the type judged from content, metadata removed.
 *
 * @param removed what was removed from the file, in plain Chinese, to tell the reporter
 */
record Evidence(String fileName, DocumentType type, byte[] content, List<String> removed) {

	Evidence {
		removed = removed == null ? List.of() : List.copyOf(removed);
	}

	Evidence(String fileName, DocumentType type, byte[] content) {
		this(fileName, type, content, List.of());
	}

	@Override
	public String toString() {
		return "Evidence[" + fileName + ", " + type + ", " + content.length + " bytes]";
	}
}

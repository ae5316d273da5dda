package org.fundguard.reports;

import org.fundguard.documents.DocumentType;

/** One evidence file of a report, as stored: a neutral name, the type judged from content, metadata removed. */
record Evidence(String fileName, DocumentType type, byte[] content) {

	@Override
	public String toString() {
		return "Evidence[" + fileName + ", " + type + ", " + content.length + " bytes]";
	}
}

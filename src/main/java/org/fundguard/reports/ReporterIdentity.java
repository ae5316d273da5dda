package org.fundguard.reports;

import org.fundguard.identity.PersonalData;

/**
 * A real-name reporter. Read only by the report handlers' pages; never copied into a case, a process variable,
 * a log line or anything published or sent to the reported party.
 */
record ReporterIdentity(ReporterKind kind, String fullName, String idNumber, String phone) {

	/** 张* / 138****5678: what a list may show. */
	String maskedName() {
		return fullName.isEmpty() ? "" : PersonalData.maskName(fullName);
	}

	String maskedIdNumber() {
		return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
	}

	@Override
	public String toString() {
		// a stray log statement or exception message must not print the identity
		return "ReporterIdentity[" + kind + ", masked]";
	}
}

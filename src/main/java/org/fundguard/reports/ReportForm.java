package org.fundguard.reports;

/**
 * The portal's report form as the browser sends it (evidence files come separately). Everything is text here;
 * {@link ReportIntake} checks it and makes a {@link NewReport}.
 *
 * @param identityMode {@code anonymous} or {@code realName}
 * @param website a honeypot: hidden from people, filled in by form-filling robots
 * @param challenge the proof-of-work challenge the form was served with
 * @param nonce the browser's solution to it
 */
record ReportForm(String subjectKind, String providerCode, String providerQuery, String subjectName, String category,
		String description, String happened, String amount, String identityMode, String reporterKind, String fullName,
		String idNumber, String phone, Boolean wantsReward, Boolean consent, String website, String challenge,
		String nonce) {

	static ReportForm empty() {
		return new ReportForm("INSTITUTION", "", "", "", "", "", "", "", "anonymous", "PERSON", "", "", "", false, false,
				"", "", "");
	}

	boolean realName() {
		return "realName".equals(identityMode);
	}

	/** The same answers without what must never be sent back to the browser (the robot trap, the used stamp). */
	ReportForm forRedisplay() {
		return new ReportForm(subjectKind, providerCode, providerQuery, subjectName, category, description, happened,
				amount, identityMode, reporterKind, fullName, idNumber, phone, wantsReward, consent, "", "", "");
	}

	@Override
	public String toString() {
		return "ReportForm[masked]";
	}
}

package org.fundguard.reports;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's report form as the browser sends it (evidence files come separately). Everything is text here;
 * {@link ReportIntake} checks it and makes a {@link NewReport}.
 *
 * @param identityMode {@code anonymous} or {@code realName}
 * @param website a honeypot: hidden from people, filled in by form-filling robots
 * @param challenge the proof-of-work challenge the form was served with
 * @param nonce the browser's solution to it
 */
public record ReportForm(String subjectKind, String providerCode, String providerQuery, String subjectName, String category,
		String description, String happened, String amount, String identityMode, String reporterKind, String fullName,
		String idNumber, String phone, Boolean wantsReward, Boolean consent, String website, String challenge,
		String nonce) {

	/**
	 * The form as posted, read straight from the request's parameters. Spring's data binder did the same through
	 * reflection and its conversion service, about a tenth of the portal's CPU per submission under load; the
	 * form is plain text fields and two check boxes, so nothing of that machinery is needed.
	 */
	public static ReportForm from(HttpServletRequest request) {
		return new ReportForm(request.getParameter("subjectKind"), request.getParameter("providerCode"),
				request.getParameter("providerQuery"), request.getParameter("subjectName"), request.getParameter("category"),
				request.getParameter("description"), request.getParameter("happened"), request.getParameter("amount"),
				request.getParameter("identityMode"), request.getParameter("reporterKind"), request.getParameter("fullName"),
				request.getParameter("idNumber"), request.getParameter("phone"), checked(request.getParameter("wantsReward")),
				checked(request.getParameter("consent")), request.getParameter("website"), request.getParameter("challenge"),
				request.getParameter("nonce"));
	}

	/** A check box as Spring read it: true, on, yes or 1 is ticked; absent or anything else is not. */
	static Boolean checked(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "on", "yes", "1" -> Boolean.TRUE;
			default -> Boolean.FALSE;
		};
	}

	public static ReportForm empty() {
		return new ReportForm("INSTITUTION", "", "", "", "", "", "", "", "anonymous", "PERSON", "", "", "", false, false,
				"", "", "");
	}

	boolean realName() {
		return "realName".equals(identityMode);
	}

	/** The same answers without what must never be sent back to the browser (the robot trap, the used stamp). */
	public ReportForm forRedisplay() {
		return new ReportForm(subjectKind, providerCode, providerQuery, subjectName, category, description, happened,
				amount, identityMode, reporterKind, fullName, idNumber, phone, wantsReward, consent, "", "", "");
	}

	@Override
	public String toString() {
		return "ReportForm[masked]";
	}
}

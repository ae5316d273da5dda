package org.fundguard.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.fundguard.calendar.YearStatus;
import org.fundguard.calendar.data.CalendarEditor;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.security.core.Authentication;

/** What the page and the API both read from a request: a date, a year's status, who is asking. */
final class CalendarForms {

	private CalendarForms() {
	}

	static LocalDate date(String text) {
		try {
			return LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			throw Refused.because("calendar.day.date", text);
		}
	}

	static YearStatus status(String text) {
		YearStatus s = YearStatus.of(text);
		if (s == null) {
			throw Refused.because("calendar.year.status", text);
		}
		return s;
	}

	static CalendarEditor.Editor editor(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		return new CalendarEditor.Editor(user.username(), user.displayName());
	}
}

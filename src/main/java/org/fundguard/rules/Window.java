package org.fundguard.rules;

import java.time.LocalDate;
import java.time.YearMonth;

import org.fundguard.errors.Refused;

/** The period a run judges: visit, item and settle dates from {@code from} to {@code to}, both included. */
public record Window(LocalDate from, LocalDate to) {

	public Window {
		if (from == null || to == null) {
			throw Refused.because("rules.window.incomplete");
		}
		if (to.isBefore(from)) {
			throw Refused.because("rules.window.reversed", from, to);
		}
	}

	YearMonth firstMonth() {
		return YearMonth.from(from);
	}

	YearMonth lastMonth() {
		return YearMonth.from(to);
	}

	boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	@Override
	public String toString() {
		return from + ".." + to;
	}
}

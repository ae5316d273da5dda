package org.fundguard.rules;

import java.time.LocalDate;
import java.time.YearMonth;

/** The period a run judges: visit, item and settle dates from {@code from} to {@code to}, both included. */
public record Window(LocalDate from, LocalDate to) {

	public Window {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("the window needs from <= to, got " + from + " .. " + to);
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

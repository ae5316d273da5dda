package org.fundguard.calendar;

import java.time.LocalDate;

/**
 * A day the notice sets apart from the ordinary week: a holiday or a make-up working day, with its name (春节, 国庆节调休)
 * and the notice it comes from (国办发明电〔2025〕7号).
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, String notice) {
}

package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** One convention for every displayed time: China Standard Time, to the minute, a midnight end as 24:00 of its day. */
class BureauTimeTest {

	private final BureauTime time = new BureauTime();

	@Test
	void aDeadlineEndingAtMidnightInBeijingReadsAsTheLastDayAt2400WhateverZoneItWasStoredIn() {
		Instant end = LocalDate.of(2026, 12, 23).atStartOfDay(Deadlines.BUREAU_ZONE).toInstant();

		assertThat(time.format(Date.from(end))).isEqualTo("2026-12-22 24:00");
		assertThat(time.format(end.atOffset(ZoneOffset.UTC))).isEqualTo("2026-12-22 24:00");
		assertThat(time.format(end)).isEqualTo("2026-12-22 24:00");
		assertThat(time.format("2026-12-22T16:00:00Z")).isEqualTo("2026-12-22 24:00");
		assertThat(time.lastDay(Date.from(end))).isEqualTo("2026-12-22");
	}

	@Test
	void otherTimesAreTheirMinuteInChinaStandardTime() {
		OffsetDateTime utc = OffsetDateTime.of(2026, 12, 22, 16, 0, 59, 0, ZoneOffset.UTC).plusMinutes(30);

		assertThat(time.format(utc)).isEqualTo("2026-12-23 00:30");
		assertThat(time.day(utc)).isEqualTo("2026-12-23");
		assertThat(time.lastDay(utc)).isEqualTo("2026-12-23");
		assertThat(time.format(null)).isEqualTo("—");
	}
}

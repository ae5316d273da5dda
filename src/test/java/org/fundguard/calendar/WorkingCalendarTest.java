package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.fundguard.errors.Messages;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

	private final WorkingCalendar calendar = new WorkingCalendar();

	@Test
	void aMakeUpSaturdayIsAWorkingDayAndAHolidayWeekdayIsNot() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 3))).isFalse();
		assertThat(calendar.nameOf(LocalDate.of(2025, 10, 11))).isEqualTo("国庆节调休");
	}

	@Test
	void ordinaryWeekdaysWorkAndOrdinaryWeekendsRest() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 21))).as("a Friday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 22))).as("a Saturday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).as("Spring Festival make-up Sunday 2024").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("the ninth day of the 2026 Spring Festival").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("2026 make-up Saturday").isTrue();
	}

	@Test
	void countsAcrossTheNationalDayHolidayAndItsMakeUpDays() {
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
		// 9/28 (make-up Sunday) … 10/11 (make-up Saturday) … the 15th working day after Friday 9/26
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 15)).isEqualTo(LocalDate.of(2025, 10, 23));
		assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 23))).isEqualTo(15);
		assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 10, 23), LocalDate.of(2025, 9, 26))).isEqualTo(-15);
		assertThat(calendar.minusWorkingDays(LocalDate.of(2025, 10, 9), 1)).isEqualTo(LocalDate.of(2025, 9, 30));
	}

	@Test
	void aDateOutsideTheCoveredYearsFailsLoudly() {
		assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2023, 6, 1))).isInstanceOf(DateOutsideCalendar.class)
			.hasMessageContaining("2023");
		assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2027, 12, 20), 15))
			.isInstanceOf(DateOutsideCalendar.class)
			.hasMessageContaining("2028");
	}

	@Test
	void aYearOutsideTheCalendarIsARefusalThatSaysWhatToAddInBothLanguages() {
		assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2023, 6, 1))).isInstanceOfSatisfying(Refused.class, r -> {
			assertThat(r.reason()).isEqualTo(Refused.Reason.UNAVAILABLE);
			assertThat(Messages.has(r.key())).as(r.key()).isTrue();
			assertThat(r.getMessage()).contains("工作日历未包含 2023 年", "2023-06-01", "2024", "/calendar");
			assertThat(r.english()).contains("2023-06-01", "/calendar");
		});
	}

	@Test
	void theSeedCoversTwentyTwentyFourToTwentyTwentySevenWithOnlyTwentyTwentySevenProvisional() {
		assertThat(calendar.coveredYears()).containsExactly(entry(2024, YearStatus.OFFICIAL), entry(2025, YearStatus.OFFICIAL),
				entry(2026, YearStatus.OFFICIAL), entry(2027, YearStatus.PROVISIONAL));
		assertThat(calendar.isProvisional(2027)).isTrue();
		assertThat(calendar.isProvisional(2026)).isFalse();
		assertThat(calendar.makeUpWorkdays(2027)).as("no make-up day is invented before the notice").isEmpty();
	}

	@Test
	void refusesDataThatDeclaresADayBothHolidayAndWorkday() {
		String data = "year,2025,official,n\nholiday,2025-10-11,x,n\nworkday,2025-10-11,y,n\n";
		assertThatThrownBy(() -> CalendarFile.readSeed(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Refused.class).hasMessageContaining("第 3 行");
	}

	@Test
	void aDeadlineCountedOverAProvisionalYearSaysSo() {
		Deadlines deadlines = new Deadlines(calendar, Clock.fixed(Instant.parse("2026-12-21T02:00:00Z"), Deadlines.BUREAU_ZONE));

		assertThat(deadlines.isProvisional(deadlines.workingDaysFromNow(15))).isTrue();
		assertThat(deadlines.lastDayText(deadlines.workingDaysFromNow(15))).endsWith("（暂按法定节假日计算）");
		assertThat(deadlines.isProvisional(deadlines.workingDaysFromNow(3))).isFalse();
		assertThat(deadlines.lastDayText(deadlines.workingDaysFromNow(3))).isEqualTo("2026-12-24");
		assertThat(deadlines.isProvisional(null)).isFalse();
	}

	@Test
	void deadlinesEndAtMidnightAfterTheLastWorkingDayInChinaStandardTime() {
		Clock clock = Clock.fixed(Instant.parse("2025-09-26T02:00:00Z"), Deadlines.BUREAU_ZONE);
		Deadlines deadlines = new Deadlines(calendar, clock);

		assertThat(deadlines.afterWorkingDays("2025-09-26", 15).toInstant())
			.isEqualTo(OffsetDateTime.parse("2025-10-24T00:00+08:00").toInstant());
		assertThat(deadlines.workingDaysFromNow(15).toInstant())
			.isEqualTo(OffsetDateTime.parse("2025-10-24T00:00+08:00").toInstant());
		assertThat(deadlines.lastDayOf(deadlines.workingDaysFromNow(15))).isEqualTo(LocalDate.of(2025, 10, 23));
		assertThat(deadlines.workingDaysLeft(deadlines.workingDaysFromNow(15))).isEqualTo(15);
		// the reminder two working days before the last day (10/23) is 10/21 at 09:00
		assertThat(deadlines.reminderBefore(deadlines.workingDaysFromNow(15), 2).toInstant())
			.isEqualTo(OffsetDateTime.parse("2025-10-21T09:00+08:00").toInstant());
		assertThat(deadlines.afterDays("2025-09-26", 7).toInstant())
			.isEqualTo(OffsetDateTime.parse("2025-10-04T00:00+08:00").toInstant());
	}
}

package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** The import format of docs/calendar-import.md: what it accepts, and a refusal naming file, row and column. */
class CalendarFileTest {

	private static final String HEADER = "kind,date,name,notice\n";

	private static List<CalendarDay> read(String content) {
		return CalendarFile.readYear("2027.csv", content.getBytes(StandardCharsets.UTF_8), 2027);
	}

	@Test
	void readsHolidaysAndMakeUpDaysWithTheirNotices() {
		List<CalendarDay> days = read("\uFEFF# 2027 年安排\n" + HEADER + "holiday,2027-02-05,春节,国办发明电〔2026〕1号\n\n"
				+ "workday,2027-02-20,春节调休,国办发明电〔2026〕1号\n放假,2027-10-01,国庆节,\"国办发明电〔2026〕1号\"\n");

		assertThat(days).containsExactly(
				new CalendarDay(LocalDate.of(2027, 2, 5), DayKind.HOLIDAY, "春节", "国办发明电〔2026〕1号"),
				new CalendarDay(LocalDate.of(2027, 2, 20), DayKind.WORKDAY, "春节调休", "国办发明电〔2026〕1号"),
				new CalendarDay(LocalDate.of(2027, 10, 1), DayKind.HOLIDAY, "国庆节", "国办发明电〔2026〕1号"));
	}

	@Test
	void aBadDateIsRefusedNamingFileRowAndColumnInChineseAndEnglish() {
		assertThatThrownBy(() -> read(HEADER + "holiday,2027-02-05,春节,通知\nholiday,2027-02-30,春节,通知\n"))
			.isInstanceOfSatisfying(Refused.class, r -> {
				assertThat(r.reason()).isEqualTo(Refused.Reason.INVALID);
				assertThat(r.getMessage()).isEqualTo(
						"日历文件 2027.csv 第 3 行第 2 列（date）：“2027-02-30”不是 yyyy-MM-dd 格式的日期，未导入任何内容");
				assertThat(r.english()).contains("2027.csv", "row 3", "column 2 (date)", "nothing was imported");
			});
	}

	@Test
	void eachColumnIsCheckedAndNamed() {
		assertThatThrownBy(() -> read("vacation,2027-02-05,春节,通知\n")).hasMessageContaining("第 1 行第 1 列（kind）");
		assertThatThrownBy(() -> read("holiday,2027-02-05,,通知\n")).hasMessageContaining("第 1 行第 3 列（name）");
		assertThatThrownBy(() -> read("holiday,2027-02-05,春节, \n")).hasMessageContaining("第 1 行第 4 列（notice）");
		assertThatThrownBy(() -> read("holiday,2027-02-05,春节\n")).hasMessageContaining("第 1 行第 4 列（notice）")
			.hasMessageContaining("有 3 列");
		assertThatThrownBy(() -> read(HEADER + "holiday,2028-01-01,元旦,通知\n"))
			.hasMessageContaining("第 2 行第 2 列（date）：2028-01-01 不在导入的 2027 年内");
		assertThatThrownBy(() -> read("holiday,2027-02-05,春节,通知\nworkday,2027-02-05,调休,通知\n"))
			.hasMessageContaining("第 2 行第 2 列（date）：2027-02-05 已在第 1 行出现");
		assertThatThrownBy(() -> read("workday,2027-02-10,调休,通知\n")).as("a Wednesday is a working day anyway")
			.hasMessageContaining("第 1 行第 2 列（date）：调休上班日 2027-02-10 是周一至周五");
	}

	@Test
	void anEmptyOrUndecodableFileIsRefusedWhole() {
		assertThatThrownBy(() -> read(HEADER + "# nothing yet\n")).hasMessageContaining("2027.csv 没有任何日期行");
		assertThatThrownBy(() -> CalendarFile.readYear("gbk.csv", new byte[] { (byte) 0xB4, (byte) 0xBA }, 2027))
			.hasMessageContaining("gbk.csv 不是 UTF-8 编码");
	}

	@Test
	void theShippedSeedGivesEveryDayItsNoticeAndInventsNoMakeUpDayFor2027() {
		CalendarDays seed = CalendarFile.seed().current();

		assertThat(seed.years().get(2026).notice()).isEqualTo("国办发明电〔2025〕7号");
		assertThat(seed.daysOf(2026)).allSatisfy(d -> assertThat(d.notice()).isEqualTo("国办发明电〔2025〕7号"));
		assertThat(seed.years().get(2027).status()).isEqualTo(YearStatus.PROVISIONAL);
		assertThat(seed.daysOf(2027)).extracting(CalendarDay::kind).containsOnly(DayKind.HOLIDAY);
	}
}

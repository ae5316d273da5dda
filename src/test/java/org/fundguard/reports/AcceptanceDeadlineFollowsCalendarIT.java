package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.calendar.CalendarDay;
import org.fundguard.calendar.CalendarFile;
import org.fundguard.calendar.YearStatus;
import org.fundguard.calendar.data.CalendarEditor;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report awaiting its acceptance decision when 2027's notice is imported: the acceptance deadline the report stores,
 * the process's {@code acceptanceDue}, the task's due date and the overdue timer all take the new date, and the change
 * log names the report.
 */
@IntegrationTest
class AcceptanceDeadlineFollowsCalendarIT {

	private static final CalendarEditor.Editor ADMIN = new CalendarEditor.Editor("admin1", "赵磊");
	private static final String STATUTORY = "《全国年节及纪念日放假办法》（2025年修订）";

	@Autowired
	Reports reports;

	@Autowired
	ReportProcessStarter starter;

	@Autowired
	CalendarEditor calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@AfterEach
	void shippedTwentyTwentySevenAgain() {
		calendar.importYear(2027, YearStatus.PROVISIONAL, STATUTORY, "2027-seed.csv", csv(""), ADMIN);
	}

	@Test
	void aRunningAcceptanceDeadlineMovesWithAMakeUpSaturday() {
		var receipt = reports.submit(new NewReport(SubjectKind.OTHER_INSTITUTION, null, "日历测试药店", ReportCategory.SWAPPED_ITEMS,
				"串换药品结算。", "2026 年 12 月", new BigDecimal("3000"), false, null, List.of()));
		// received on Thursday 2026-12-31: 15 working days over the statutory 2027 end with Friday 2027-01-22
		jdbc.sql("update report set received_at = ? where report_number = ?")
			.params(OffsetDateTime.parse("2026-12-31T10:00+08:00"), receipt.number())
			.update();
		starter.startPending();
		Report r = reports.findByNumber(receipt.number()).orElseThrow();
		Instant provisional = Instant.parse("2027-01-22T16:00:00Z");
		assertThat(r.acceptanceDue().toInstant()).isEqualTo(provisional);
		assertThat(taskDue(r)).isEqualTo(provisional);

		long change = calendar.importYear(2027, YearStatus.OFFICIAL, "国办发明电〔2026〕测试", "2027.csv",
				csv("workday,2027-01-09,元旦调休,国办发明电〔2026〕测试\n"), ADMIN);

		Instant moved = Instant.parse("2027-01-21T16:00:00Z");
		assertThat(reports.find(r.id()).orElseThrow().acceptanceDue().toInstant()).isEqualTo(moved);
		assertThat(taskDue(r)).isEqualTo(moved);
		assertThat(overdueTimer(r)).isEqualTo(moved);
		assertThat(calendar.change(change).recomputations()).extracting(rc -> rc.subject() + " " + rc.deadline())
			.contains("举报 " + r.number() + " 受理期限")
			.anySatisfy(s -> assertThat(s).contains(r.number(), "定时器“受理期限届满”"))
			.anySatisfy(s -> assertThat(s).contains(r.number(), "截止时间"));
	}

	private Instant taskDue(Report r) {
		return tasks.createTaskQuery().processInstanceBusinessKey(r.number()).singleResult().getDueDate().toInstant();
	}

	private Instant overdueTimer(Report r) {
		String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.number()).singleResult().getId();
		Date due = management.createJobQuery().processInstanceId(instance).timers().list().stream()
			.filter(j -> "Event_AcceptanceOverdue".equals(management.createJobDefinitionQuery()
				.jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()))
			.findFirst().orElseThrow().getDuedate();
		return due.toInstant();
	}

	/** The shipped 2027 rows, and more. */
	private static byte[] csv(String more) {
		return CalendarFile.seed().current().daysOf(2027).stream().map(AcceptanceDeadlineFollowsCalendarIT::row)
			.collect(Collectors.joining("\n", "kind,date,name,notice\n", "\n" + more))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String row(CalendarDay d) {
		return String.join(",", d.kind().code(), d.date().toString(), d.name(), d.notice());
	}
}

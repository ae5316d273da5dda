package org.fundguard.calendar.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.calendar.CalendarYear;
import org.fundguard.calendar.DayKind;
import org.fundguard.calendar.YearStatus;
import org.fundguard.calendar.data.CalendarChange;
import org.fundguard.calendar.data.CalendarEditor;
import org.fundguard.errors.Refused;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The working calendar for administrators' programs: read a year, set or remove a holiday or make-up working day, mark
 * a year provisional or official, import a year from a file (docs/calendar-import.md), read the change log. Each
 * change answers with its change-log entry, the running deadlines it moved included.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarApi {

	private final CalendarEditor editor;

	CalendarApi(CalendarEditor editor) {
		this.editor = editor;
	}

	record YearSummary(int year, String status, String notice, long holidays, long workdays) {
	}

	record DayRequest(String kind, String name, String notice) {
	}

	record StatusRequest(String status, String notice) {
	}

	@GetMapping
	@Operation(summary = "工作日历覆盖的年份及其状态 / the years the calendar holds, with their status")
	List<YearSummary> years() {
		return editor.years().stream()
			.map(y -> new YearSummary(y.year(), y.status().code(), y.notice(), y.holidays(), y.workdays()))
			.toList();
	}

	@GetMapping("/{year}")
	@Operation(summary = "一年的节假日与调休上班日 / a year's holidays and make-up working days")
	CalendarYear year(@PathVariable int year) {
		return editor.year(year);
	}

	@GetMapping("/changes")
	@Operation(summary = "日历变更记录：何人、何时、改了什么、顺延了哪些期限 / the change log")
	List<CalendarChange> changes() {
		return editor.changes(100);
	}

	@PutMapping("/days/{date}")
	@Operation(summary = "设定一天为法定节假日或调休上班日（注明通知文号） / set a day as holiday or make-up working day")
	CalendarChange setDay(@PathVariable String date, @RequestBody(required = false) DayRequest request,
			Authentication user) {
		DayRequest r = request == null ? new DayRequest(null, null, null) : request;
		DayKind kind = DayKind.of(r.kind());
		if (kind == null) {
			throw Refused.because("calendar.day.kind", r.kind());
		}
		return editor.change(editor.setDay(CalendarForms.date(date), kind, r.name(), r.notice(), CalendarForms.editor(user)));
	}

	@DeleteMapping("/days/{date}")
	@Operation(summary = "删除一天的节假日或调休安排 / remove a day's holiday or make-up entry")
	CalendarChange removeDay(@PathVariable String date, @RequestParam(required = false) String notice,
			Authentication user) {
		LocalDate day = CalendarForms.date(date);
		return editor.change(editor.removeDay(day, notice, CalendarForms.editor(user)));
	}

	@PutMapping("/{year}/status")
	@Operation(summary = "将一年标为正式或暂定 / mark a year official or provisional")
	CalendarChange setStatus(@PathVariable int year, @RequestBody(required = false) StatusRequest request,
			Authentication user) {
		StatusRequest r = request == null ? new StatusRequest(null, null) : request;
		return editor.change(editor.setStatus(year, CalendarForms.status(r.status()), r.notice(), CalendarForms.editor(user)));
	}

	@PostMapping(path = "/{year}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "导入一年的放假安排（CSV，见 docs/calendar-import.md） / import a year from a file")
	CalendarChange importYear(@PathVariable int year, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String status, @RequestParam(required = false) String notice,
			Authentication user) throws IOException {
		YearStatus s = status == null || status.isBlank() ? YearStatus.OFFICIAL : CalendarForms.status(status);
		return editor.change(editor.importYear(year, s, notice, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes(), CalendarForms.editor(user)));
	}
}

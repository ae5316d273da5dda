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
	List<YearSummary> years() {
		return editor.years().stream()
			.map(y -> new YearSummary(y.year(), y.status().code(), y.notice(), y.holidays(), y.workdays()))
			.toList();
	}

	@GetMapping("/{year}")
	CalendarYear year(@PathVariable int year) {
		return editor.year(year);
	}

	@GetMapping("/changes")
	List<CalendarChange> changes() {
		return editor.changes(100);
	}

	@PutMapping("/days/{date}")
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
	CalendarChange removeDay(@PathVariable String date, @RequestParam(required = false) String notice,
			Authentication user) {
		LocalDate day = CalendarForms.date(date);
		return editor.change(editor.removeDay(day, notice, CalendarForms.editor(user)));
	}

	@PutMapping("/{year}/status")
	CalendarChange setStatus(@PathVariable int year, @RequestBody(required = false) StatusRequest request,
			Authentication user) {
		StatusRequest r = request == null ? new StatusRequest(null, null) : request;
		return editor.change(editor.setStatus(year, CalendarForms.status(r.status()), r.notice(), CalendarForms.editor(user)));
	}

	@PostMapping(path = "/{year}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CalendarChange importYear(@PathVariable int year, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String status, @RequestParam(required = false) String notice,
			Authentication user) throws IOException {
		YearStatus s = status == null || status.isBlank() ? YearStatus.OFFICIAL : CalendarForms.status(status);
		return editor.change(editor.importYear(year, s, notice, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes(), CalendarForms.editor(user)));
	}
}

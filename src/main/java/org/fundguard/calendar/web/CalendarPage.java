package org.fundguard.calendar.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.fundguard.calendar.CalendarYear;
import org.fundguard.calendar.DayKind;
import org.fundguard.calendar.data.CalendarChange;
import org.fundguard.calendar.data.CalendarEditor;
import org.fundguard.errors.Refused;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' calendar page (/calendar): a year's holidays and make-up working days with their notices, forms
 * to change them and to import a year, and the change log with the running deadlines each change moved.
 */
@Controller
class CalendarPage {

	private final CalendarEditor editor;
	private final Clock clock;

	CalendarPage(CalendarEditor editor, Clock clock) {
		this.editor = editor;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String page(@RequestParam(required = false) Integer year, Model model) {
		List<CalendarYear> years = editor.years();
		int thisYear = LocalDate.now(clock).getYear();
		int shown = year != null ? year : years.stream().mapToInt(CalendarYear::year).filter(y -> y > thisYear)
			.findFirst().orElse(thisYear);
		model.addAttribute("years", years);
		model.addAttribute("shown", years.stream().filter(y -> y.year() == shown).findFirst().orElse(null));
		model.addAttribute("shownYear", shown);
		model.addAttribute("changes", editor.changes(50));
		return "calendar/index";
	}

	@PostMapping("/calendar/days")
	String setDay(@RequestParam String date, @RequestParam String kind, @RequestParam String name,
			@RequestParam String notice, Authentication user, RedirectAttributes redirect) {
		LocalDate day = CalendarForms.date(date);
		return done(day.getYear(), redirect, () -> {
			DayKind k = DayKind.of(kind);
			if (k == null) {
				throw Refused.because("calendar.day.kind", kind);
			}
			return editor.setDay(day, k, name, notice, CalendarForms.editor(user));
		});
	}

	@PostMapping("/calendar/days/remove")
	String removeDay(@RequestParam String date, @RequestParam String notice, Authentication user,
			RedirectAttributes redirect) {
		LocalDate day = CalendarForms.date(date);
		return done(day.getYear(), redirect, () -> editor.removeDay(day, notice, CalendarForms.editor(user)));
	}

	@PostMapping("/calendar/status")
	String setStatus(@RequestParam int year, @RequestParam String status, @RequestParam String notice,
			Authentication user, RedirectAttributes redirect) {
		return done(year, redirect,
				() -> editor.setStatus(year, CalendarForms.status(status), notice, CalendarForms.editor(user)));
	}

	@PostMapping("/calendar/import")
	String importYear(@RequestParam int year, @RequestParam String status, @RequestParam String notice,
			@RequestParam(required = false) MultipartFile file, Authentication user, RedirectAttributes redirect)
			throws IOException {
		String name = file == null ? null : file.getOriginalFilename();
		byte[] content = file == null ? null : file.getBytes();
		return done(year, redirect, () -> editor.importYear(year, CalendarForms.status(status), notice, name, content,
				CalendarForms.editor(user)));
	}

	/** Back to the year, with what the change did or why it was refused. */
	private String done(int year, RedirectAttributes redirect, Supplier<Long> change) {
		try {
			CalendarChange c = editor.change(change.get());
			redirect.addFlashAttribute("done", c.detail() + "。已重新计算进行中的期限 " + c.recomputations().size() + " 项。");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/calendar?year=" + year;
	}
}

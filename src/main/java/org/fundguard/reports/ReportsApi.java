package org.fundguard.reports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Reports for programs, with a report handler's bearer token: the list, one report with its conversation, and a
 * handler's message to the reporter. The reporter's identity is never part of the API.
 */
@RestController
class ReportsApi {

	private final Reports reports;
	private final ReportMessages messages;

	ReportsApi(Reports reports, ReportMessages messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@Operation(summary = "举报列表 / the whistleblower reports")
	@GetMapping("/api/reports")
	List<Summary> list() {
		return reports.list(1000).stream().map(Summary::of).toList();
	}

	@Operation(summary = "一件举报（含实名举报人信息）/ one report, with a real-name reporter's identity")
	@GetMapping("/api/reports/{number}")
	Map<String, Object> one(@PathVariable String number) {
		Report r = report(number);
		return Map.of("report", Summary.of(r), "description", r.description(), "messages",
				messages.of(r.id()).stream()
					.map(m -> Map.of("author", m.author().name(), "body", m.body(), "at", m.at().toString()))
					.toList());
	}

	@Operation(summary = "给举报人留言 / write to the reporter")
	@PostMapping("/api/reports/{number}/messages")
	ResponseEntity<Map<String, String>> message(@PathVariable String number, @RequestBody Map<String, String> body,
			Authentication authentication) {
		Report r = report(number);
		messages.fromHandler(r.id(), CurrentUser.from(authentication).username(), body.get("body"));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("report", r.number()));
	}

	private Report report(String number) {
		return reports.findByNumber(number).orElseThrow(() -> Refused.notFound("reports.report.no-such-number", number));
	}

	record Summary(String number, String status, String statusLabel, OffsetDateTime receivedAt, String subjectKind,
			String subjectName, String category, boolean anonymous, boolean overdue, boolean processStarted) {

		static Summary of(Report r) {
			return new Summary(r.number(), r.status().name(), r.status().label(), r.receivedAt(), r.subjectKind().name(),
					r.subjectName(), r.category().label(), r.anonymous(), r.overdue(), r.processStarted());
		}
	}
}

package org.fundguard.reports;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.fundguard.cases.AuditCases;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report handlers' pages (举报受理): the list, and one report with its evidence, the real-name reporter's
 * identity, the conversation and the open tasks, which it lists and completes through the task gateway like every
 * other page and Camunda Tasklist. Only the report-handler role reaches them (EndpointAccess).
 */
@Controller
class ReportsPage {

	private static final int LIST_LIMIT = 500;

	private final Reports reports;
	private final ReportMessages messages;
	private final ReporterIdentities identities;
	private final TaskGateway tasks;
	private final AuditCases cases;
	private final Retention retention;

	ReportsPage(Reports reports, ReportMessages messages, ReporterIdentities identities, TaskGateway tasks,
			AuditCases cases, Retention retention) {
		this.retention = retention;
		this.reports = reports;
		this.messages = messages;
		this.identities = identities;
		this.tasks = tasks;
		this.cases = cases;
	}

	@GetMapping("/reports")
	String list(Model model) {
		model.addAttribute("reports", reports.list(LIST_LIMIT));
		model.addAttribute("retentionDue", retention.dueWithinWarning());
		model.addAttribute("retentionJournal", retention.journal(20));
		return "reports/list";
	}

	@GetMapping("/reports/{number}")
	String detail(@PathVariable String number, Authentication authentication, Model model) {
		Report r = report(number);
		CurrentUser user = CurrentUser.from(authentication);
		model.addAttribute("report", r);
		model.addAttribute("identity", identities.of(r.id(), user).orElse(null));
		model.addAttribute("evidence", reports.evidence(r.id()));
		model.addAttribute("messages", messages.of(r.id()));
		model.addAttribute("user", user);
		model.addAttribute("tasks", tasks.openOf(number, ReportVariables.KEY));
		model.addAttribute("linkedCase", r.caseId() == null ? null : cases.find(r.caseId()).orElse(null));
		model.addAttribute("findings", r.caseId() == null ? null : cases.findings(r.caseId()).orElse(null));
		model.addAttribute("mergeCandidates", r.subjectKind() == SubjectKind.INSTITUTION && r.subjectKey() != null
				? cases.openCasesOf(SubjectType.INSTITUTION, r.subjectKey()) : java.util.List.of());
		return "reports/detail";
	}

	@PostMapping("/reports/{number}/messages")
	String reply(@PathVariable String number, @RequestParam(name = "body", required = false) String body,
			Authentication authentication, RedirectAttributes redirect) {
		Report r = report(number);
		try {
			messages.fromHandler(r.id(), CurrentUser.from(authentication).username(), body);
		}
		catch (Refused refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/reports/" + number + "#messages";
	}

	@PostMapping("/reports/{number}/tasks/{taskId}")
	String completeTask(@PathVariable String number, @PathVariable String taskId,
			@RequestParam Map<String, String> form, Authentication authentication, RedirectAttributes redirect) {
		report(number);
		try {
			tasks.find(taskId)
				.filter(t -> ReportVariables.KEY.equals(t.processKey()) && number.equals(t.subject()))
				.orElseThrow(() -> Refused.conflict("reports.task.not-open"));
			// only the form's own fields go in; the task's listener records and checks the decision
			tasks.complete(taskId, CurrentUser.from(authentication), form);
			redirect.addFlashAttribute("notice", "任务已办理。");
		}
		catch (Refused refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/reports/" + number;
	}

	@GetMapping("/reports/{number}/evidence/{id}")
	ResponseEntity<byte[]> evidence(@PathVariable String number, @PathVariable long id) {
		Report r = report(number);
		var info = reports.evidence(r.id()).stream().filter(e -> e.id() == id).findFirst()
			.orElseThrow(() -> Refused.notFound("reports.evidence.not-found"));
		byte[] content = reports.evidenceContent(r.id(), id).orElseThrow();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(info.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(info.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(content);
	}

	private Report report(String number) {
		return reports.findByNumber(number).orElseThrow(() -> Refused.notFound("reports.report.no-such-number", number));
	}
}

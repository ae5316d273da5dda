package org.fundguard.penalties;

import java.util.List;

import org.fundguard.cases.AuditCases;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.penalties.review.Checklist;
import org.fundguard.penalties.review.LegalReviews;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
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
 * The workbench's penalty pages: the list with my tasks, one procedure with its file, documents and record. A
 * procedure starts only from its audit case's outcome decision (the audit case calls it), not from here.
 */
@Controller
class PenaltyPages {

	private final Penalties penalties;
	private final PenaltyWork work;
	private final LegalReviews reviews;
	private final EnforcementRecord record;
	private final DocumentStore documents;
	private final PenaltyProcedure procedure;
	private final PenaltyDeadlines deadlines;
	private final PenaltyDecisions decisions;
	private final AuditCases cases;

	PenaltyPages(Penalties penalties, PenaltyWork work, LegalReviews reviews, EnforcementRecord record,
			DocumentStore documents, PenaltyProcedure procedure, PenaltyDeadlines deadlines, PenaltyDecisions decisions,
			AuditCases cases) {
		this.penalties = penalties;
		this.work = work;
		this.reviews = reviews;
		this.record = record;
		this.documents = documents;
		this.procedure = procedure;
		this.deadlines = deadlines;
		this.decisions = decisions;
		this.cases = cases;
	}

	@GetMapping("/penalties")
	String list(Authentication auth, Model model) {
		model.addAttribute("tasks", work.openFor(CurrentUser.from(auth)));
		model.addAttribute("penalties", penalties.latest(100));
		return "penalties/list";
	}

	@GetMapping("/penalties/{id}")
	String detail(@PathVariable long id, Authentication auth, Model model) {
		PenaltyCase p = penalties.get(id);
		CurrentUser user = CurrentUser.from(auth);
		model.addAttribute("p", p);
		model.addAttribute("auditCase", cases.find(p.caseId()).orElseThrow());
		model.addAttribute("findings", cases.findings(p.caseId()).orElse(null));
		model.addAttribute("rounds", reviews.rounds(id));
		model.addAttribute("checklistLabels", Checklist.LABELS);
		model.addAttribute("entries", record.entries(p.caseId()));
		model.addAttribute("verification", record.verify(p.caseId()));
		model.addAttribute("openTasks", work.openOf(id));
		// a task offered to others is named, not linked: its page would refuse this user
		model.addAttribute("openableTasks", work.openOf(id).stream().map(PenaltyWork.PenaltyTask::id)
			.filter(taskId -> work.mayOpen(taskId, user)).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("mayExpose", user.has(Role.DIRECTOR));
		model.addAttribute("mayAddEvidence", procedure.mayAddEvidence(id, user));
		model.addAttribute("mayRequestExtension", p.decisionDeadline() != null && !p.decision().made()
				&& (user.has(Role.INSPECTOR) || user.has(Role.DIRECTOR)));
		return "penalties/detail";
	}

	/** Asks the director for more time: recorded, and the procedure's deadline watch offers the director the decision. */
	@PostMapping("/penalties/{id}/extension")
	String requestExtension(@PathVariable long id, @RequestParam String reason, Authentication auth,
			RedirectAttributes redirect) {
		penalties.get(id);
		try {
			deadlines.requestExtension(id, reason, actor(CurrentUser.from(auth)));
			redirect.addFlashAttribute("message", "已提交延期申请，待负责人审批");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/penalties/" + id;
	}

	@PostMapping("/penalties/{id}/evidence")
	String addEvidence(@PathVariable long id, @RequestParam String description,
			@RequestParam org.springframework.web.multipart.MultipartFile file, Authentication auth,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		if (!user.has(Role.INSPECTOR)) {
			throw Refused.forbidden("penalties.evidence.inspectors-only");
		}
		procedure.checkOnTeam(id, user.username());
		try {
			StoredDocument doc = documents.store(file.getOriginalFilename(), file.getBytes(), user.username());
			procedure.addEvidence(id, description, doc, new Actor(user.username(), Role.INSPECTOR.id()));
			redirect.addFlashAttribute("message", "证据已保存，SHA-256 " + doc.sha256());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return "redirect:/penalties/" + id;
	}

	@PostMapping("/penalties/{id}/exposure")
	String expose(@PathVariable long id, @RequestParam(defaultValue = "false") boolean exposed,
			@RequestParam(required = false) String note, Authentication auth, RedirectAttributes redirect) {
		try {
			decisions.expose(id, exposed, note, actor(CurrentUser.from(auth)));
			redirect.addFlashAttribute("message", exposed ? "已选为典型案例公开曝光" : "已撤回曝光");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/penalties/" + id;
	}

	/** The notice or the decision, as kept: HTML to print from the browser, or the PDF. */
	@GetMapping("/penalties/{id}/documents/{kind}.{format}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind, @PathVariable String format) {
		PenaltyCase p = penalties.get(id);
		String docId = switch (kind + "." + format) {
			case "notice.html" -> p.notice().htmlId();
			case "notice.pdf" -> p.notice().pdfId();
			case "decision.html" -> p.decision().htmlId();
			case "decision.pdf" -> p.decision().pdfId();
			default -> null;
		};
		StoredDocument doc = docId == null ? null : documents.find(docId).orElse(null);
		if (doc == null) {
			throw Refused.notFound("penalties.document.not-found");
		}
		MediaType type = format.equals("pdf") ? MediaType.APPLICATION_PDF : new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(doc.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", doc.sha256())
			.body(documents.content(doc));
	}

	static Actor actor(CurrentUser user) {
		List<Role> order = List.of(Role.DIRECTOR, Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.ADMIN, Role.ANALYST);
		Role role = order.stream().filter(user::has).findFirst().orElse(Role.ADMIN);
		return new Actor(user.username(), role.id());
	}
}

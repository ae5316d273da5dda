package org.fundguard.penalties;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.PenaltyProcedureRequested;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.penalties.review.Checklist;
import org.fundguard.penalties.review.LegalReviews;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workbench's penalty pages: the list with my tasks, one procedure with its file, documents and record. */
@Controller
class PenaltyPages {

	private final Penalties penalties;
	private final PenaltyTasks tasks;
	private final LegalReviews reviews;
	private final EnforcementRecord record;
	private final DocumentStore documents;
	private final PenaltyProcedure procedure;
	private final PenaltyDecisions decisions;
	private final PenaltyProcessStarter starter;
	private final AuditCases cases;
	private final RuntimeService runtime;

	PenaltyPages(Penalties penalties, PenaltyTasks tasks, LegalReviews reviews, EnforcementRecord record,
			DocumentStore documents, PenaltyProcedure procedure, PenaltyDecisions decisions,
			PenaltyProcessStarter starter, AuditCases cases, RuntimeService runtime) {
		this.penalties = penalties;
		this.tasks = tasks;
		this.reviews = reviews;
		this.record = record;
		this.documents = documents;
		this.procedure = procedure;
		this.decisions = decisions;
		this.starter = starter;
		this.cases = cases;
		this.runtime = runtime;
	}

	@GetMapping("/penalties")
	String list(Authentication auth, Model model) {
		model.addAttribute("tasks", tasks.openFor(CurrentUser.from(auth)));
		model.addAttribute("penalties", penalties.latest(100));
		return "penalties/list";
	}

	/** Hands a case with findings over by hand (the audit-case process does it by itself). */
	@PostMapping("/penalties/start")
	String start(@RequestParam String caseNumber, Authentication auth, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		if (!user.has(Role.INSPECTOR) && !user.has(Role.DIRECTOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有检查员或负责人可以提请行政处罚");
		}
		try {
			AuditCase c = cases.findByNumber(caseNumber.strip())
				.orElseThrow(() -> new IllegalArgumentException("没有案件 " + caseNumber));
			long id = starter.start(new PenaltyProcedureRequested(c.id(), c.number(), actor(user)));
			return "redirect:/penalties/" + id;
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/penalties";
		}
	}

	@GetMapping("/penalties/{id}")
	String detail(@PathVariable long id, Authentication auth, Model model) {
		PenaltyCase p = penalties.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CurrentUser user = CurrentUser.from(auth);
		model.addAttribute("p", p);
		model.addAttribute("auditCase", cases.find(p.caseId()).orElseThrow());
		model.addAttribute("findings", cases.findings(p.caseId()).orElse(null));
		model.addAttribute("rounds", reviews.rounds(id));
		model.addAttribute("checklistLabels", Checklist.LABELS);
		model.addAttribute("entries", record.entries(p.caseId()));
		model.addAttribute("verification", record.verify(p.caseId()));
		model.addAttribute("openTasks", tasks.openOf(id));
		model.addAttribute("mayExpose", user.has(Role.DIRECTOR));
		model.addAttribute("mayAddEvidence", user.has(Role.INSPECTOR) && !p.decision().made()
				&& p.status() != PenaltyStatus.REQUESTED && p.status() != PenaltyStatus.FILING_REFUSED);
		model.addAttribute("mayRequestExtension", p.decisionDeadline() != null && !p.decision().made()
				&& (user.has(Role.INSPECTOR) || user.has(Role.DIRECTOR)));
		return "penalties/detail";
	}

	@PostMapping("/penalties/{id}/extension")
	String requestExtension(@PathVariable long id, @RequestParam String reason, Authentication auth,
			RedirectAttributes redirect) {
		PenaltyCase p = penalties.get(id);
		try {
			procedure.extensionRequested(id, reason, actor(CurrentUser.from(auth)));
			runtime.createMessageCorrelation("Message_ExtensionRequested").processInstanceId(p.processInstanceId()).correlate();
			redirect.addFlashAttribute("message", "已提交延期申请，待负责人审批");
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("error", "当前不能申请延期：" + PenaltyTasks.reason(e));
		}
		return "redirect:/penalties/" + id;
	}

	@PostMapping("/penalties/{id}/evidence")
	String addEvidence(@PathVariable long id, @RequestParam String description,
			@RequestParam org.springframework.web.multipart.MultipartFile file, Authentication auth,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		if (!user.has(Role.INSPECTOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有检查员可以调查取证");
		}
		try {
			StoredDocument doc = documents.store(file.getOriginalFilename(), file.getBytes(), user.username());
			procedure.addEvidence(id, description, doc, new Actor(user.username(), Role.INSPECTOR.id()));
			redirect.addFlashAttribute("message", "证据已保存，SHA-256 " + doc.sha256());
		}
		catch (java.io.IOException | RuntimeException e) {
			redirect.addFlashAttribute("error", PenaltyTasks.reason(e));
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
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/penalties/" + id;
	}

	/** The notice or the decision, as kept: HTML to print from the browser, or the PDF. */
	@GetMapping("/penalties/{id}/documents/{kind}.{format}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind, @PathVariable String format) {
		PenaltyCase p = penalties.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String docId = switch (kind + "." + format) {
			case "notice.html" -> p.notice().htmlId();
			case "notice.pdf" -> p.notice().pdfId();
			case "decision.html" -> p.decision().htmlId();
			case "decision.pdf" -> p.decision().pdfId();
			default -> null;
		};
		StoredDocument doc = docId == null ? null : documents.find(docId).orElse(null);
		if (doc == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
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

package org.fundguard.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.identity.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The workbench's case pages: search, the case file with its timeline and current task, evidence drill-down. A case
 * the viewer may not see, or that does not exist, is refused (403, 404) and shown by the one advice's page; a refused
 * step (a task, a note, an upload) is shown on the case page itself.
 */
@Controller
class CasesPage {

	private final CaseSearch search;
	private final CaseFiles files;
	private final CaseAccess access;
	private final CaseWork work;
	private final CaseNotes notes;
	private final CaseDocuments documents;
	private final EvidenceLines lines;
	private final LeadCases leadCases;
	private final Officers officers;
	private final List<CaseTags> tags;

	CasesPage(CaseSearch search, CaseFiles files, CaseAccess access, CaseWork work, CaseNotes notes,
			CaseDocuments documents, EvidenceLines lines, LeadCases leadCases, Officers officers, List<CaseTags> tags) {
		this.tags = tags;
		this.search = search;
		this.files = files;
		this.access = access;
		this.work = work;
		this.notes = notes;
		this.documents = documents;
		this.lines = lines;
		this.leadCases = leadCases;
		this.officers = officers;
	}

	@GetMapping("/cases")
	String search(Authentication auth, Model model, @RequestParam(required = false) String number,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String status,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String region,
			@RequestParam(required = false) BigDecimal minAmount, @RequestParam(required = false) BigDecimal maxAmount) {
		CaseStatus s = status == null || status.isBlank() ? null : CaseStatus.valueOf(status);
		var criteria = new CaseSearch.Criteria(number, subject, s, rule, region, minAmount, maxAmount);
		model.addAttribute("criteria", criteria);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("rules", search.rules());
		model.addAttribute("cases", search.search(CaseViewer.of(auth), criteria));
		return "cases/search";
	}

	@GetMapping("/cases/{number}")
	String caseFile(Authentication auth, @PathVariable String number, Model model) {
		CaseViewer viewer = CaseViewer.of(auth);
		CaseFile file = files.of(viewer, number);
		model.addAttribute("file", file);
		model.addAttribute("c", file.auditCase());
		model.addAttribute("mayContribute", files.mayContribute(viewer, file.auditCase()));
		model.addAttribute("tags", tags.stream().flatMap(t -> t.of(file.auditCase()).stream()).toList());
		file.tasks().stream().filter(CaseTask::mine).findFirst().ifPresent(t -> {
			model.addAttribute("task", t);
			model.addAttribute("form", work.form(t.id()));
		});
		if (viewer.has(Role.DIRECTOR)) {
			model.addAttribute("inspectors", officers.inspectors());
		}
		return "cases/case";
	}

	@PostMapping("/cases/{number}/tasks/{taskId}/claim")
	String claim(Authentication auth, @PathVariable String number, @PathVariable String taskId, RedirectAttributes redirect) {
		CaseViewer viewer = CaseViewer.of(auth);
		AuditCase c = access.visible(viewer, number);
		try {
			work.claim(c, taskId, viewer);
			redirect.addFlashAttribute("message", "已认领任务 / task claimed");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/cases/" + UriUtils.encodePathSegment(number, "UTF-8");
	}

	@PostMapping("/cases/{number}/tasks/{taskId}")
	String complete(Authentication auth, @PathVariable String number, @PathVariable String taskId,
			@RequestParam Map<String, String> values, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
			RedirectAttributes redirect) {
		CaseViewer viewer = CaseViewer.of(auth);
		AuditCase c = access.visible(viewer, number);
		try {
			work.complete(c, taskId, viewer, values, uploads(uploads));
			redirect.addFlashAttribute("message", "任务已办理 / task completed");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/cases/" + UriUtils.encodePathSegment(number, "UTF-8");
	}

	@PostMapping("/cases/{number}/notes")
	String note(Authentication auth, @PathVariable String number, @RequestParam String body, RedirectAttributes redirect) {
		CaseViewer viewer = CaseViewer.of(auth);
		AuditCase c = contributable(viewer, number);
		try {
			notes.add(c.id(), body, viewer.actor());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/cases/" + UriUtils.encodePathSegment(number, "UTF-8");
	}

	@PostMapping("/cases/{number}/documents")
	String upload(Authentication auth, @PathVariable String number, @RequestParam String purpose,
			@RequestParam("files") List<MultipartFile> uploads, RedirectAttributes redirect) {
		CaseViewer viewer = CaseViewer.of(auth);
		AuditCase c = contributable(viewer, number);
		try {
			for (CaseWork.Upload u : uploads(uploads)) {
				documents.upload(c.id(), u.fileName(), u.content(), purpose.isBlank() ? "案件材料" : purpose.strip(), viewer.actor());
			}
			redirect.addFlashAttribute("message", "文档已上传 / uploaded");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/cases/" + UriUtils.encodePathSegment(number, "UTF-8");
	}

	@GetMapping("/cases/{number}/documents/{documentId}")
	ResponseEntity<byte[]> download(Authentication auth, @PathVariable String number, @PathVariable String documentId) {
		AuditCase c = access.visible(CaseViewer.of(auth), number);
		var doc = documents.ofCase(c.id(), documentId).getFirst();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(doc.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
			.body(documents.content(c.id(), documentId));
	}

	@GetMapping("/cases/{number}/evidence/{settlementId}")
	String evidence(Authentication auth, @PathVariable String number, @PathVariable String settlementId, Model model) {
		AuditCase c = access.visible(CaseViewer.of(auth), number);
		model.addAttribute("c", c);
		model.addAttribute("drill", lines.of(c, settlementId));
		return "cases/evidence";
	}

	@PostMapping("/cases/leads/{leadId}")
	String openFromLead(Authentication auth, @PathVariable String leadId, RedirectAttributes redirect) {
		CaseViewer viewer = CaseViewer.of(auth);
		if (!viewer.has(Role.DIRECTOR)) {
			throw Refused.forbidden("cases.lead.directors-only");
		}
		try {
			AuditCase c = leadCases.open(leadId, viewer.actor());
			redirect.addFlashAttribute("message", "已登记案件 " + c.number());
			return "redirect:/cases/" + UriUtils.encodePathSegment(c.number(), "UTF-8");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/rules/leads/" + UriUtils.encodePathSegment(leadId, "UTF-8");
		}
	}

	private AuditCase contributable(CaseViewer viewer, String number) {
		AuditCase c = access.visible(viewer, number);
		if (!files.mayContribute(viewer, c)) {
			throw Refused.forbidden("cases.case.read-only", number);
		}
		return c;
	}

	private static List<CaseWork.Upload> uploads(List<MultipartFile> files) {
		List<CaseWork.Upload> out = new ArrayList<>();
		if (files == null) {
			return out;
		}
		for (MultipartFile f : files) {
			if (!f.isEmpty()) {
				try {
					out.add(new CaseWork.Upload(f.getOriginalFilename(), f.getBytes()));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return out;
	}
}

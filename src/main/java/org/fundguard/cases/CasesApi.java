package org.fundguard.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.identity.Role;
import org.fundguard.record.ChainVerification;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Audit cases for programs with a bearer token; the same access rules as the pages, case by case. A case's tasks are
 * claimed and completed through the task gateway, as everywhere. Refusals are answered as problem details by the one
 * advice.
 */
@RestController
@RequestMapping("/api/cases")
class CasesApi {

	private final CaseSearch search;
	private final CaseFiles files;
	private final CaseAccess access;
	private final EnforcementRecord record;
	private final EvidenceLines lines;
	private final LeadCases leadCases;
	private final CaseWork work;
	private final Officers officers;

	CasesApi(CaseSearch search, CaseFiles files, CaseAccess access, EnforcementRecord record, EvidenceLines lines,
			LeadCases leadCases, CaseWork work, Officers officers) {
		this.search = search;
		this.files = files;
		this.access = access;
		this.record = record;
		this.lines = lines;
		this.leadCases = leadCases;
		this.work = work;
		this.officers = officers;
	}

	record Summary(String number, String subjectType, String subjectKey, String subjectName, String subjectRegion,
			String source, BigDecimal amount, String status, String statusLabel) {

		static Summary of(AuditCase c) {
			return new Summary(c.number(), c.subjectType().name(), c.subjectKey(), c.subjectName(), c.subjectRegion(),
					c.source().name(), c.amount(), c.status().name(), c.status().label());
		}
	}

	record Verification(String caseNumber, boolean intact, int entries, Integer firstBadSeq, String problem) {
	}

	@Operation(summary = "查询稽核案件 / search audit cases")
	@GetMapping
	List<Summary> search(Authentication auth, @RequestParam(required = false) String number,
			@RequestParam(required = false) String subject, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String region,
			@RequestParam(required = false) BigDecimal minAmount, @RequestParam(required = false) BigDecimal maxAmount) {
		return search.search(viewer(auth), new CaseSearch.Criteria(number, subject, status, rule, region, minAmount, maxAmount))
			.stream()
			.map(Summary::of)
			.toList();
	}

	@Operation(summary = "一件稽核案件 / one audit case")
	@GetMapping("/{number}")
	CaseFile caseFile(Authentication auth, @PathVariable String number) {
		return files.of(viewer(auth), number);
	}

	@Operation(summary = "执法全过程记录 / the enforcement record")
	@GetMapping("/{number}/record")
	List<RecordEntry> entries(Authentication auth, @PathVariable String number) {
		return record.entries(access.visible(viewer(auth), number).id());
	}

	@Operation(summary = "核验记录哈希链 / verify the record's hash chain")
	@GetMapping("/{number}/record/verification")
	Verification verification(Authentication auth, @PathVariable String number) {
		AuditCase c = access.visible(viewer(auth), number);
		ChainVerification v = record.verify(c.id());
		return new Verification(c.number(), v.intact(), v.entries(), v.firstBadSeq(), v.problem());
	}

	@Operation(summary = "一笔结算的证据明细 / a settlement's evidence lines")
	@GetMapping("/{number}/evidence/{settlementId}")
	EvidenceLines.Drill evidence(Authentication auth, @PathVariable String number, @PathVariable String settlementId) {
		return lines.of(access.visible(viewer(auth), number), settlementId);
	}

	/** A director opens the case of a monitoring lead (or gets the case it already became). */
	@Operation(summary = "由线索登记稽核案件 / open the case of a lead")
	@PostMapping("/leads/{leadId}")
	Summary openFromLead(Authentication auth, @PathVariable String leadId) {
		CaseViewer viewer = viewer(auth);
		if (!viewer.has(Role.DIRECTOR)) {
			throw Refused.forbidden("cases.lead.directors-only");
		}
		return Summary.of(leadCases.open(leadId, viewer.actor()));
	}

	@Operation(summary = "认领案件任务 / claim a case task")
	@PostMapping("/{number}/tasks/{taskId}/claim")
	ResponseEntity<Void> claim(Authentication auth, @PathVariable String number, @PathVariable String taskId) {
		CaseViewer viewer = viewer(auth);
		work.claim(access.visible(viewer, number), taskId, viewer);
		return ResponseEntity.noContent().build();
	}

	/** Completes a task with its form values (documents by id, uploaded through the workbench). */
	@Operation(summary = "办结案件任务 / complete a case task")
	@PostMapping("/{number}/tasks/{taskId}/complete")
	ResponseEntity<Void> complete(Authentication auth, @PathVariable String number, @PathVariable String taskId,
			@RequestBody Map<String, String> values) {
		CaseViewer viewer = viewer(auth);
		work.complete(access.visible(viewer, number), taskId, viewer, values, List.of());
		return ResponseEntity.noContent().build();
	}

	private CaseViewer viewer(Authentication auth) {
		CaseViewer viewer = CaseViewer.of(auth);
		officers.remember(viewer);
		return viewer;
	}
}

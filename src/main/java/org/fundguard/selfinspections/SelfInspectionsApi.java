package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-inspections for the bureau's systems: the list with progress, one with every institution's answer, and the
 * launch (directors). Who may call what is in identity.EndpointAccess.
 */
@RestController
class SelfInspectionsApi {

	private final SelfInspections selfInspections;

	SelfInspectionsApi(SelfInspections selfInspections) {
		this.selfInspections = selfInspections;
	}

	@Operation(summary = "自查自纠及进度 / self-inspections with their progress")
	@GetMapping("/api/self-inspections")
	List<Map<String, Object>> all() {
		return selfInspections.all().stream().map(s -> summary(s, selfInspections.progress(s.id()))).toList();
	}

	@Operation(summary = "一次自查自纠：各机构报告和退回金额 / one self-inspection with every institution's report")
	@GetMapping("/api/self-inspections/{id}")
	Map<String, Object> one(@PathVariable long id) {
		SelfInspection s = selfInspections.get(id);
		Map<String, Object> out = summary(s, selfInspections.progress(id));
		out.put("institutions", selfInspections.reports(id).stream().map(SelfInspectionsApi::report).toList());
		return out;
	}

	/** Body: name, ruleIds, from, to (settlement dates), regions, providerTypes, providerCodes, deadlineWorkingDays. */
	@Operation(summary = "发起自查自纠（局领导） / launch a self-inspection (directors)")
	@PostMapping("/api/self-inspections")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> launch(@RequestBody Launch body, Authentication auth) {
		long id = selfInspections.launch(new SelfInspectionDraft(body.name(), body.ruleIds(), body.from(), body.to(),
				body.regions(), body.providerTypes(), body.providerCodes(), body.deadlineWorkingDays() == null ? 0
						: body.deadlineWorkingDays()),
				CurrentUser.from(auth));
		return one(id);
	}

	record Launch(String name, List<String> ruleIds, LocalDate from, LocalDate to, List<String> regions,
			List<String> providerTypes, List<String> providerCodes, Integer deadlineWorkingDays) {
	}

	static Map<String, Object> summary(SelfInspection s, Progress p) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", s.id());
		out.put("name", s.name());
		out.put("ruleIds", s.ruleIds());
		out.put("from", s.from().toString());
		out.put("to", s.to().toString());
		out.put("deadline", s.deadline().toString());
		out.put("status", s.status().name());
		out.put("progress", Map.of("inScope", p.inScope(), "reported", p.reported(), "overdue", p.overdue(), "awaiting",
				p.awaiting(), "refunded", p.refunded()));
		return out;
	}

	static Map<String, Object> report(InstitutionReport r) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("reportId", r.id());
		out.put("providerCode", r.providerCode());
		out.put("providerName", r.providerName());
		out.put("status", r.status().name());
		out.put("found", r.found());
		out.put("reportedHits", r.reportedHits());
		out.put("reportedRules", r.reportedRules());
		out.put("refunded", r.refunded() == null ? BigDecimal.ZERO.setScale(2) : r.refunded());
		out.put("reportedAt", r.reportedAt() == null ? null : r.reportedAt().toString());
		return out;
	}
}

package org.fundguard.selfinspections;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An institution's own self-inspections, for its user or its system (client credentials with its provider_code):
 * another institution's are 404, whatever the id.
 */
@RestController
class InstitutionSelfInspectionsApi {

	private final InstitutionSelfInspections institution;

	InstitutionSelfInspectionsApi(InstitutionSelfInspections institution) {
		this.institution = institution;
	}

	@Operation(summary = "本机构的自查自纠 / the institution's own self-inspections")
	@GetMapping("/api/institution/self-inspections")
	List<Map<String, Object>> mine(Authentication auth) {
		return institution.mine(CurrentUser.from(auth)).stream().map(r -> {
			Map<String, Object> out = SelfInspectionsApi.report(r);
			SelfInspection s = institution.inspectionOf(r);
			out.put("selfInspection", Map.of("id", s.id(), "name", s.name(), "ruleIds", s.ruleIds(), "from",
					s.from().toString(), "to", s.to().toString(), "deadline", s.deadline().toString()));
			return out;
		}).toList();
	}

	@Operation(summary = "本机构一次自查自纠的报告和疑点明细 / one report of the institution with its hits")
	@GetMapping("/api/institution/self-inspections/{reportId}")
	Map<String, Object> one(@PathVariable long reportId, Authentication auth) {
		InstitutionSelfInspections.View v = institution.view(reportId, CurrentUser.from(auth));
		Map<String, Object> out = SelfInspectionsApi.report(v.report());
		out.put("selfInspection", Map.of("id", v.inspection().id(), "name", v.inspection().name(), "ruleIds",
				v.inspection().ruleIds(), "from", v.inspection().from().toString(), "to", v.inspection().to().toString(),
				"deadline", v.inspection().deadline().toString()));
		out.put("open", v.task() != null);
		out.put("hits", v.hits());
		return out;
	}

	/** Body: found (required), reportedHits and reportedRules (lists of ids), refunded (yuan). */
	@Operation(summary = "提交自查报告 / report what the self-inspection found and refunds")
	@PostMapping("/api/institution/self-inspections/{reportId}/report")
	Map<String, Object> report(@PathVariable long reportId, @RequestBody Report body, Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		institution.report(reportId, user, body.found(), join(body.reportedHits()), join(body.reportedRules()),
				body.refunded() == null ? "" : body.refunded().toPlainString());
		return one(reportId, auth);
	}

	record Report(String found, List<String> reportedHits, List<String> reportedRules, java.math.BigDecimal refunded) {
	}

	private static String join(List<String> ids) {
		return ids == null ? "" : String.join(",", ids);
	}
}

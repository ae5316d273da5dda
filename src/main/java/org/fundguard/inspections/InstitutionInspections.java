package org.fundguard.inspections;

import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import io.swagger.v3.oas.annotations.Operation;

/**
 * An institution's own random-inspection results (双随机检查结果), for its users (page) and its system (API): only
 * published results, only about the provider code its token carries. Another institution's result answers 404, as
 * one that does not exist, so that ids cannot be probed; a token bound to no code sees an empty list.
 */
@Controller
class InstitutionInspections {

	private final Inspections inspections;

	InstitutionInspections(Inspections inspections) {
		this.inspections = inspections;
	}

	/** A published result as the institution reads it: the team by masked name and certificate number. */
	record OwnResult(long id, long planId, String providerCode, String providerName, String result, String resultLabel,
			String note, OffsetDateTime recordedAt, OffsetDateTime publishedAt, List<String> team) {

		static OwnResult of(Inspection i) {
			return new OwnResult(i.id(), i.planId(), i.providerCode(), i.providerName(), i.result().name(),
					i.result().label(), i.result() == InspectionResult.FURTHER_HANDLING ? "已转稽核案件办理" : i.resultNote(),
					i.recordedAt(), i.publishedAt(),
					i.team().stream().map(m -> m.maskedName() + "（" + m.certificateNo() + "）").toList());
		}
	}

	private List<OwnResult> of(Authentication authentication) {
		String code = CurrentUser.from(authentication).providerCode();
		return code == null ? List.of() : inspections.publishedResultsOf(code).stream().map(OwnResult::of).toList();
	}

	private OwnResult one(long id, Authentication authentication) {
		String code = CurrentUser.from(authentication).providerCode();
		return inspections.publishedResultOf(id, code)
			.map(OwnResult::of)
			.orElseThrow(() -> Refused.notFound("inspections.inspection.not-found", id));
	}

	@GetMapping("/institution/inspections")
	String page(Authentication authentication, Model model) {
		model.addAttribute("results", of(authentication));
		return "inspections/institution-results";
	}

	@GetMapping("/institution/inspections/{id}")
	String detail(@PathVariable long id, Authentication authentication, Model model) {
		model.addAttribute("r", one(id, authentication));
		return "inspections/institution-result";
	}

	@Operation(summary = "本机构的双随机检查结果（已公示）/ the calling institution's published inspection results")
	@GetMapping("/api/institution/inspections")
	@ResponseBody
	List<OwnResult> list(Authentication authentication) {
		return of(authentication);
	}

	@Operation(summary = "本机构的一项检查结果 / one of the calling institution's published inspection results")
	@GetMapping("/api/institution/inspections/{id}")
	@ResponseBody
	OwnResult get(@PathVariable long id, Authentication authentication) {
		return one(id, authentication);
	}
}

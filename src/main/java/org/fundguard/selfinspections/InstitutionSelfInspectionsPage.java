package org.fundguard.selfinspections;

import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The institution's own self-inspection pages (phone-friendly): its list, and one self-inspection with its hits and
 * the report form. Another institution's report is a 404 (the refusal's page), whatever the id.
 */
@Controller
class InstitutionSelfInspectionsPage {

	private final InstitutionSelfInspections institution;

	InstitutionSelfInspectionsPage(InstitutionSelfInspections institution) {
		this.institution = institution;
	}

	@GetMapping("/institution/self-inspections")
	String list(Authentication auth, Model model) {
		List<InstitutionReport> mine = institution.mine(CurrentUser.from(auth));
		model.addAttribute("reports", mine);
		model.addAttribute("inspections", mine.stream().collect(java.util.stream.Collectors.toMap(InstitutionReport::id,
				institution::inspectionOf)));
		return "selfinspections/institution-list";
	}

	@GetMapping("/institution/self-inspections/{reportId}")
	String one(@PathVariable long reportId, Authentication auth, Model model) {
		InstitutionSelfInspections.View view = institution.view(reportId, CurrentUser.from(auth));
		model.addAttribute("view", view);
		return "selfinspections/institution-report";
	}

	@PostMapping("/institution/self-inspections/{reportId}/report")
	String report(@PathVariable long reportId, @RequestParam(defaultValue = "") String found,
			@RequestParam(required = false) List<String> hits, @RequestParam(defaultValue = "") String rules,
			@RequestParam(defaultValue = "") String refunded, Authentication auth, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		institution.own(reportId, user);
		try {
			institution.report(reportId, user, found, hits == null ? "" : String.join(",", hits), rules, refunded);
			redirect.addFlashAttribute("message", "自查报告已提交");
		}
		catch (Refused e) {
			if (e.reason() == Refused.Reason.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/institution/self-inspections/" + reportId;
	}
}

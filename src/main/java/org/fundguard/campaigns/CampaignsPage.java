package org.fundguard.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskValues;
import org.fundguard.rules.RuleCatalogue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the list with each campaign's totals and the definition form (directors), and one campaign's
 * progress by region with its charts and cases. Who may reach which is in identity.EndpointAccess.
 */
@Controller
class CampaignsPage {

	static final Map<String, String> TYPES = Map.of("hospital", "医院", "clinic", "诊所", "pharmacy", "药店");

	private final CampaignDefinitions definitions;
	private final CampaignProgressReader progress;
	private final RuleCatalogue rules;

	CampaignsPage(CampaignDefinitions definitions, CampaignProgressReader progress, RuleCatalogue rules) {
		this.definitions = definitions;
		this.progress = progress;
		this.rules = rules;
	}

	@GetMapping("/campaigns")
	String list(Model model) {
		model.addAttribute("reports", definitions.all().stream().map(progress::report).toList());
		model.addAttribute("rules", rules.all());
		model.addAttribute("types", TYPES);
		model.addAttribute("modes", Campaign.InspectionMode.values());
		return "campaigns/list";
	}

	@PostMapping("/campaigns")
	String define(@RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "") String regions, @RequestParam(required = false) List<String> types,
			@RequestParam(required = false) List<String> ruleIds, @RequestParam(defaultValue = "") String mode,
			@RequestParam(required = false) Integer sampleCount, @RequestParam(defaultValue = "2") int teamSize,
			@RequestParam(defaultValue = "0") int selfInspectionDays, Authentication auth, RedirectAttributes redirect) {
		try {
			long id = definitions.define(new CampaignDraft(name, from, to, TaskValues.split(regions), types, ruleIds,
					CampaignDraft.mode(mode), sampleCount, teamSize, selfInspectionDays), CurrentUser.from(auth));
			redirect.addFlashAttribute("message", "专项整治已定义：自查自纠已下发范围内各机构，检查计划已起草，待检查员提交、负责人审批");
			return "redirect:/campaigns/" + id;
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/campaigns";
		}
	}

	@GetMapping("/campaigns/{id}")
	String one(@PathVariable long id, Model model) {
		Campaign campaign = definitions.get(id);
		model.addAttribute("report", progress.report(campaign));
		model.addAttribute("ruleNames", definitions.ruleNames(campaign.ruleIds()));
		model.addAttribute("typeNames", campaign.scope().types().stream().map(t -> TYPES.getOrDefault(t, t)).toList());
		return "campaigns/detail";
	}
}

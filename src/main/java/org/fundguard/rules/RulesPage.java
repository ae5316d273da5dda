package org.fundguard.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.claims.ExportLoads;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Jurisdiction;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workbench's rule pages: catalogue, a rule, a run, leads, a lead's evidence, a settlement, the chart. */
@Controller
class RulesPage {

	/** One row of the catalogue page. */
	record CatalogueRow(RuleDefinition rule, Map<String, Object> parameters, RunRecord.RuleResult last) {
	}

	private final RuleCatalogue catalogue;
	private final RuleParameters parameters;
	private final RuleEngine engine;
	private final RuleRuns runs;
	private final Leads leads;
	private final Exemptions exemptions;
	private final SignalSearch signals;
	private final Jurisdiction jurisdiction;
	private final ExportLoads loads;
	private final Clock clock;

	RulesPage(RuleCatalogue catalogue, RuleParameters parameters, RuleEngine engine, RuleRuns runs, Leads leads,
			Exemptions exemptions, SignalSearch signals, Jurisdiction jurisdiction, ExportLoads loads, Clock clock) {
		this.catalogue = catalogue;
		this.parameters = parameters;
		this.engine = engine;
		this.runs = runs;
		this.leads = leads;
		this.exemptions = exemptions;
		this.signals = signals;
		this.jurisdiction = jurisdiction;
		this.loads = loads;
		this.clock = clock;
	}

	@GetMapping("/rules")
	String catalogue(Model model) {
		List<CatalogueRow> rows = new ArrayList<>();
		for (RuleDefinition r : catalogue.all()) {
			rows.add(new CatalogueRow(r, parameters.shown(r, jurisdiction.regionPrefixes()), runs.lastResult(r.id()).orElse(null)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("runs", runs.latest(20));
		// a half-loaded export makes rules raise false signals: said before anyone runs them
		model.addAttribute("unfinishedLoads", loads.unfinished());
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("defaultFrom", today.withDayOfMonth(1).minusMonths(12));
		model.addAttribute("defaultTo", today);
		return "rules/catalogue";
	}

	@GetMapping("/rules/catalogue/{id}")
	String rule(@PathVariable String id, Model model) {
		RuleDefinition rule = catalogue.find(id).orElseThrow(() -> Refused.notFound("rules.rule.not-found", id));
		Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
		for (String region : jurisdiction.regionPrefixes()) {
			overrides.put(region, parameters.overrides(id, region));
		}
		model.addAttribute("rule", rule);
		model.addAttribute("overrides", overrides);
		model.addAttribute("history", parameters.history(id));
		model.addAttribute("exemptions", exemptions.all().stream().filter(e -> e.ruleId().equals(id)).toList());
		return "rules/rule";
	}

	@PostMapping("/rules/catalogue/{id}/parameters")
	String setParameter(@PathVariable String id, @RequestParam String region, @RequestParam String name,
			@RequestParam(required = false) String value, Authentication auth, RedirectAttributes redirect) {
		RuleDefinition rule = catalogue.find(id).orElseThrow(() -> Refused.notFound("rules.rule.not-found", id));
		try {
			parameters.set(rule, region, name, value, auth.getName());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/rules/catalogue/" + id;
	}

	@PostMapping("/rules/catalogue/{id}/exemptions")
	String exempt(@PathVariable String id, @RequestParam String subject, @RequestParam String reason,
			@RequestParam LocalDate expires, Authentication auth, RedirectAttributes redirect) {
		try {
			exemptions.add(id, subject, reason, expires, auth.getName());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/rules/catalogue/" + id;
	}

	@PostMapping("/rules/runs")
	String run(@RequestParam(required = false) String rule, @RequestParam LocalDate from, @RequestParam LocalDate to,
			Authentication auth, RedirectAttributes redirect) {
		try {
			RunRecord run = engine.run(new RunRequest(rule == null || rule.isBlank() ? null : List.of(rule), new Window(from, to),
					null, auth.getName(), "UI"));
			return "redirect:/rules/runs/" + run.id();
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/rules";
		}
	}

	@GetMapping("/rules/runs/{id}")
	String run(@PathVariable String id, Model model) {
		RunRecord run = runs.find(id).orElseThrow(() -> Refused.notFound("rules.run.not-found", id));
		model.addAttribute("run", run);
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("leads", leads.ofRun(id));
		return "rules/run";
	}

	@GetMapping("/rules/leads")
	String leads(Model model) {
		model.addAttribute("leads", leads.latest(200));
		return "rules/leads";
	}

	@GetMapping("/rules/leads/{id}")
	String lead(@PathVariable String id, Model model) {
		model.addAttribute("lead", leads.find(id).orElseThrow(() -> Refused.notFound("rules.lead.not-found", id)));
		model.addAttribute("signals", signals.ofLead(id));
		model.addAttribute("catalogue", catalogue);
		return "rules/lead";
	}

	@GetMapping("/rules/settlements/{id}")
	String settlement(@PathVariable String id, Model model) {
		var settlement = signals.settlement(id);
		if (settlement == null) {
			throw Refused.notFound("rules.settlement.not-found", id);
		}
		model.addAttribute("settlement", settlement);
		model.addAttribute("lines", signals.lines(id));
		return "rules/settlement";
	}

	@GetMapping("/rules/chart")
	String chart(Model model) {
		Map<String, Map<String, Long>> chart = signals.byRuleAndMonth();
		model.addAttribute("chart", chart);
		model.addAttribute("months", SignalSearch.months(chart));
		model.addAttribute("max", Math.max(1, SignalSearch.max(chart)));
		model.addAttribute("totals", SignalSearch.totals(chart));
		model.addAttribute("catalogue", catalogue);
		return "rules/chart";
	}
}

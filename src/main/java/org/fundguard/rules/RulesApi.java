package org.fundguard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.fundguard.errors.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/** The rule catalogue, parameters, runs, exemptions and leads for analysts' programs. */
@RestController
@RequestMapping("/api/rules")
class RulesApi {

	private final RuleCatalogue catalogue;
	private final RuleParameters parameters;
	private final RuleEngine engine;
	private final RuleRuns runs;
	private final Exemptions exemptions;
	private final Leads leads;
	private final SignalSearch signals;

	RulesApi(RuleCatalogue catalogue, RuleParameters parameters, RuleEngine engine, RuleRuns runs, Exemptions exemptions,
			Leads leads, SignalSearch signals) {
		this.catalogue = catalogue;
		this.parameters = parameters;
		this.engine = engine;
		this.runs = runs;
		this.exemptions = exemptions;
		this.leads = leads;
		this.signals = signals;
	}

	@Operation(summary = "监控规则目录 / the rule catalogue")
	@GetMapping
	List<Map<String, Object>> all(@RequestParam(required = false) String region) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (RuleDefinition r : catalogue.all()) {
			out.add(describe(r, region));
		}
		return out;
	}

	@Operation(summary = "一条规则及其参数 / one rule with its parameters")
	@GetMapping("/{id}")
	Map<String, Object> one(@PathVariable String id, @RequestParam(required = false) String region) {
		Map<String, Object> out = describe(rule(id), region);
		out.put("definition", rule(id).source());
		out.put("history", parameters.history(id));
		return out;
	}

	private Map<String, Object> describe(RuleDefinition r, String region) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", r.id());
		out.put("version", r.version());
		out.put("name_zh", r.nameZh());
		out.put("name_en", r.nameEn());
		out.put("article", r.article());
		out.put("severity", r.severity());
		out.put("subject_type", r.subjectType());
		out.put("parameters", region == null ? parameters.shown(r, List.of()) : parameters.shown(r, List.of(region)));
		out.put("last_result", runs.lastResult(r.id()).orElse(null));
		return out;
	}

	/** Sets parameters of one region: {"region":"3703","values":{"max_gap_days":"10"}}; an empty value resets. */
	record ParameterChange(String region, @NotEmpty(message = "{errors.request.required}") Map<String, String> values) {
	}

	@Operation(summary = "修改规则参数（留痕）/ change a rule's parameters (recorded)")
	@PutMapping("/{id}/parameters")
	Map<String, Object> setParameters(@PathVariable String id, @Valid @RequestBody ParameterChange change, Authentication user) {
		RuleDefinition rule = rule(id);
		if (change.values() == null || change.values().isEmpty()) {
			throw Refused.because("rules.parameters.none-given");
		}
		change.values().forEach((name, value) -> parameters.set(rule, change.region(), name, value, user.getName()));
		return Map.of("region", change.region(), "parameters", parameters.shown(rule, List.of(change.region())));
	}

	@Operation(summary = "规则参数修改记录 / the history of a rule's parameters")
	@GetMapping("/{id}/parameters/history")
	List<RuleParameters.Change> history(@PathVariable String id) {
		rule(id);
		return parameters.history(id);
	}

	record RunBody(List<String> rules, LocalDate from, LocalDate to, List<String> regions) {
	}

	@Operation(summary = "运行监控规则 / run rules over a window")
	@PostMapping("/runs")
	ResponseEntity<RunRecord> run(@RequestBody RunBody body, Authentication user) {
		RunRecord run = engine.run(new RunRequest(body.rules(), new Window(body.from(), body.to()), body.regions(), user.getName(), "API"));
		return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/rules/runs/" + run.id()).body(run);
	}

	@Operation(summary = "规则运行记录 / the rule runs")
	@GetMapping("/runs")
	List<RunRecord> runs() {
		return runs.latest(50);
	}

	@Operation(summary = "一次规则运行 / one rule run")
	@GetMapping("/runs/{id}")
	RunRecord oneRun(@PathVariable String id) {
		return runs.find(id).orElseThrow(() -> Refused.notFound("rules.run.not-found", id));
	}

	@Operation(summary = "疑点线索 / the leads")
	@GetMapping("/leads")
	List<Lead> leads(@RequestParam(required = false) String run) {
		return run == null ? leads.latest(200) : leads.ofRun(run);
	}

	@Operation(summary = "一条线索及其证据 / one lead with its evidence")
	@GetMapping("/leads/{id}")
	Map<String, Object> lead(@PathVariable String id) {
		Lead lead = leads.find(id).orElseThrow(() -> Refused.notFound("rules.lead.not-found", id));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("lead", lead);
		List<JsonNode> evidence = signals.ofLead(id);
		out.put("signals", evidence);
		return out;
	}

	record ExemptionBody(@NotBlank(message = "{errors.request.required}") String rule,
			@NotBlank(message = "{errors.request.required}") String subject,
			@NotBlank(message = "{errors.request.required}") String reason,
			@NotNull(message = "{errors.request.required}") LocalDate expires) {
	}

	@Operation(summary = "豁免一条信号 / exempt a signal")
	@PostMapping("/exemptions")
	ResponseEntity<Exemptions.Exemption> exempt(@Valid @RequestBody ExemptionBody body, Authentication user) {
		rule(body.rule());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(exemptions.add(body.rule(), body.subject(), body.reason(), body.expires(), user.getName()));
	}

	@Operation(summary = "豁免清单 / the exemptions")
	@GetMapping("/exemptions")
	List<Exemptions.Exemption> exemptions() {
		return exemptions.all();
	}

	@Operation(summary = "撤销豁免 / withdraw an exemption")
	@DeleteMapping("/exemptions/{id}")
	ResponseEntity<Void> unexempt(@PathVariable String id) {
		if (!exemptions.delete(id)) {
			throw Refused.notFound("rules.exemption.not-found", id);
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "信号按规则和月份统计 / signals by rule and month")
	@GetMapping("/signals/chart")
	Map<String, Map<String, Long>> chart() {
		return signals.byRuleAndMonth();
	}

	private RuleDefinition rule(String id) {
		return catalogue.find(id).orElseThrow(() -> Refused.notFound("rules.rule.not-found", id));
	}
}

package org.fundguard.focus;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Focused inspections for the bureau's systems: the list, one with every step's record, its analysis, and opening
 * one from a fund lead (analysts, directors). Tasks are worked through /api/tasks like every process's. Who may call
 * what is in identity.EndpointAccess.
 */
@RestController
@RequestMapping("/api/focus")
class FocusApi {

	private final FocusedInspections focus;
	private final FundAnalyses analyses;

	FocusApi(FocusedInspections focus, FundAnalyses analyses) {
		this.focus = focus;
		this.analyses = analyses;
	}

	record Open(String leadId) {
	}

	@Operation(summary = "重点检查列表（本局统筹区）/ focused inspections of the bureau's funds")
	@GetMapping
	List<Map<String, Object>> all() {
		return focus.all().stream().map(FocusApi::summary).toList();
	}

	@Operation(summary = "一次重点检查：各环节记录和检查计划进度 / one focused inspection with every step")
	@GetMapping("/{id}")
	Map<String, Object> one(@PathVariable long id) {
		FocusedInspection f = focus.get(id);
		Map<String, Object> out = summary(f);
		out.put("findings", f.findings());
		out.put("planId", f.planId());
		focus.planProgress(f).ifPresent(p -> out.put("plan", Map.of("planId", p.planId(), "name", p.name(), "status",
				p.statusLabel(), "drawn", p.drawn(), "recorded", p.recorded())));
		out.put("proceedNote", f.proceedNote());
		out.put("riskLevel", f.riskLevel() == null ? null : f.riskLevel().name());
		out.put("causes", f.causes());
		out.put("measures", f.measures());
		out.put("measuresDue", f.measuresDue() == null ? null : f.measuresDue().toString());
		out.put("signOffOpinion", f.signOffOpinion());
		out.put("signedOffBy", f.signedOffBy());
		out.put("returns", f.returns());
		return out;
	}

	@Operation(summary = "预警分析：按机构、项目、规则逐月 / the analysis: by institution, item and rule, month by month")
	@GetMapping("/{id}/analysis")
	Map<String, Object> analysis(@PathVariable long id) {
		FundAnalysis a = analyses.of(focus.get(id));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("months", a.months().stream().map(YearMonth::toString).toList());
		out.put("window", a.window().stream().map(YearMonth::toString).toList());
		Map<String, Double> total = new LinkedHashMap<>();
		a.total().forEach((m, v) -> total.put(m.toString(), v));
		out.put("total", total);
		out.put("current", a.current());
		out.put("previous", a.previous());
		out.put("growthPercent", a.growthPercent());
		out.put("institutions", a.institutions().stream().map(FocusApi::driver).toList());
		out.put("items", a.items().stream().map(FocusApi::driver).toList());
		out.put("signals", a.signals());
		return out;
	}

	@Operation(summary = "由基金运行类线索开展重点检查（每条线索一次）/ open the focused inspection of a fund lead, once")
	@PostMapping
	ResponseEntity<Map<String, Object>> open(@RequestBody Open body, Authentication auth) {
		FocusedInspections.Opening o = focus.open(body.leadId(), CurrentUser.from(auth));
		return ResponseEntity.status(o.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(one(o.id()));
	}

	static Map<String, Object> summary(FocusedInspection f) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", f.id());
		out.put("leadId", f.leadId());
		out.put("fund", f.fund());
		out.put("region", f.region());
		out.put("insuranceType", f.insuranceType());
		out.put("ruleIds", f.ruleIds());
		out.put("windowFrom", f.windowFrom().toString());
		out.put("windowTo", f.windowTo().toString());
		out.put("status", f.status().name());
		out.put("statusLabel", f.status().label());
		out.put("openedBy", f.openedBy());
		out.put("openedAt", f.openedAt().toString());
		return out;
	}

	private static Map<String, Object> driver(Driver d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("code", d.key());
		out.put("name", d.name());
		out.put("current", d.current());
		out.put("previous", d.previous());
		out.put("increase", Driver.round(d.increase()));
		out.put("share", d.share());
		Map<String, Double> months = new LinkedHashMap<>();
		d.months().forEach((m, v) -> months.put(m.toString(), Driver.round(v)));
		out.put("months", months);
		return out;
	}
}

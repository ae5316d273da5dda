package org.fundguard.leads;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.rules.Leads;
import org.fundguard.rules.SignalSearch;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leads list, a lead's state and history, and the bulk actions, for the bureau's programs. */
@RestController
@RequestMapping("/api/leads")
class LeadsApi {

	private final LeadList list;
	private final LeadStates states;
	private final LeadActions actions;
	private final Leads leads;
	private final SignalSearch signals;

	LeadsApi(LeadList list, LeadStates states, LeadActions actions, Leads leads, SignalSearch signals) {
		this.list = list;
		this.states = states;
		this.actions = actions;
		this.leads = leads;
		this.signals = signals;
	}

	/** A bulk action: which, on which leads, and why (required to void). */
	record ActionRequest(LeadActions.Action action, List<String> leadIds, String reason) {
	}

	@Operation(summary = "线索列表（按状态、规则、地区、金额筛选，分页）/ the leads, filtered and paged")
	@GetMapping
	Map<String, Object> find(@RequestParam(required = false) LeadState state, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String region, @RequestParam(required = false) BigDecimal minAmount,
			@RequestParam(required = false) BigDecimal maxAmount, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		LeadList.Page p = list.find(new LeadList.Filter(state, rule, region, minAmount, maxAmount, page, size));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", p.total());
		out.put("page", p.page());
		out.put("size", p.size());
		out.put("leads", p.rows().stream().map(LeadsApi::row).toList());
		return out;
	}

	@Operation(summary = "一条线索：状态、变更历史、证据 / one lead with its state, history and evidence")
	@GetMapping("/{id}")
	Map<String, Object> one(@PathVariable String id) {
		var lead = leads.find(id).orElseThrow(() -> Refused.notFound("leads.lead.not-found", id));
		LeadState state = states.of(id);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("lead", lead);
		out.put("state", state.name());
		out.put("stateLabel", state.label());
		out.put("history", states.history(id));
		out.put("evidence", signals.evidenceOf(id));
		return out;
	}

	@Operation(summary = "批量处置：下发、作废（须写原因）、登记案件、结案；逐条返回结果 / bulk action, one outcome per lead")
	@PostMapping("/actions")
	List<LeadActions.Outcome> act(Authentication auth, @RequestBody ActionRequest request) {
		return actions.apply(request.action(), request.leadIds(), request.reason(), CurrentUser.from(auth));
	}

	private static Map<String, Object> row(LeadList.Row r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.lead().id());
		m.put("partyType", r.lead().partyType());
		m.put("partyKey", r.lead().partyKey());
		m.put("from", r.lead().from());
		m.put("to", r.lead().to());
		m.put("rules", r.lead().rules());
		m.put("signals", r.lead().signals());
		m.put("money", r.lead().money());
		m.put("riskScore", r.lead().riskScore());
		m.put("state", r.state().name());
		m.put("stateLabel", r.state().label());
		m.put("stateAt", r.stateAt());
		return m;
	}
}

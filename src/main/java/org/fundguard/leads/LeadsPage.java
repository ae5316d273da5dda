package org.fundguard.leads;

import java.math.BigDecimal;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleCatalogue;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 线索处置: the leads list with filters and bulk actions, and one lead with its history. */
@Controller
class LeadsPage {

	/** Where an action may send the browser back to: this page's own paths and query, nothing else. */
	private static final java.util.regex.Pattern BACK = java.util.regex.Pattern.compile("/leads(/[0-9a-f-]{36})?(\\?[\\w=&%.,+-]*)?");

	private final LeadList list;
	private final LeadStates states;
	private final LeadActions actions;
	private final Leads leads;
	private final RuleCatalogue catalogue;
	private final org.fundguard.focus.FocusedInspections focus;

	LeadsPage(LeadList list, LeadStates states, LeadActions actions, Leads leads, RuleCatalogue catalogue,
			org.fundguard.focus.FocusedInspections focus) {
		this.list = list;
		this.states = states;
		this.actions = actions;
		this.leads = leads;
		this.catalogue = catalogue;
		this.focus = focus;
	}

	@GetMapping("/leads")
	String list(Authentication auth, @RequestParam(required = false) LeadState state,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String region,
			@RequestParam(required = false) BigDecimal minAmount, @RequestParam(required = false) BigDecimal maxAmount,
			@RequestParam(defaultValue = "0") int page, jakarta.servlet.http.HttpServletRequest request, Model model) {
		LeadList.Page p = list.find(new LeadList.Filter(state, rule, region, minAmount, maxAmount, page, 50));
		model.addAttribute("page", p);
		model.addAttribute("states", LeadState.values());
		model.addAttribute("rules", catalogue.all());
		model.addAttribute("state", state);
		model.addAttribute("rule", rule);
		model.addAttribute("region", region);
		model.addAttribute("minAmount", minAmount);
		model.addAttribute("maxAmount", maxAmount);
		model.addAttribute("mayAct", LeadActions.mayAct(CurrentUser.from(auth)));
		// after a bulk action the analyst comes back to the same filtered page
		model.addAttribute("back", "/leads" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		return "leads/list";
	}

	@GetMapping("/leads/{id}")
	String one(Authentication auth, @PathVariable String id, Model model) {
		model.addAttribute("lead", leads.find(id).orElseThrow(() -> Refused.notFound("leads.lead.not-found", id)));
		model.addAttribute("state", states.of(id));
		model.addAttribute("history", states.history(id));
		model.addAttribute("mayAct", LeadActions.mayAct(CurrentUser.from(auth)));
		focus.ofLead(id).ifPresent(f -> model.addAttribute("focus", f));
		return "leads/lead";
	}

	@PostMapping("/leads/actions")
	String act(Authentication auth, @RequestParam(required = false) LeadActions.Action action,
			@RequestParam(name = "lead", required = false) List<String> leadIds,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("outcomes", actions.apply(action, leadIds, reason, CurrentUser.from(auth)));
		}
		catch (Refused e) {
			if (e.reason() == Refused.Reason.FORBIDDEN) {
				throw e;
			}
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		// back to the list with its filters, or to the lead: only a path of this page, never another site
		return "redirect:" + (back != null && BACK.matcher(back).matches() ? back : "/leads");
	}
}

package org.fundguard.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fundguard.identity.CurrentUser;
import org.fundguard.rules.RuleCatalogue;
import org.fundguard.rules.RuleDefinition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger's pages: the bureau's (every institution, filters, totals, the monthly chart) and an institution's (its
 * own rows and months, phone-sized). Who reaches which is EndpointAccess's; which rows an institution sees, its
 * provider code's.
 */
@Controller
class RecoveriesPage {

	/** Rows listed on a page; the totals always cover every row the filter selects, the export every row too. */
	static final int LISTED = 500;

	private final RecoveryLedger ledger;
	private final RuleCatalogue catalogue;

	RecoveriesPage(RecoveryLedger ledger, RuleCatalogue catalogue) {
		this.ledger = ledger;
		this.catalogue = catalogue;
	}

	@GetMapping("/recoveries")
	String bureau(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String provider, @RequestParam(required = false) RecoverySource source,
			@RequestParam(required = false) String rule, Model model) {
		RecoveryFilter filter = RecoveryPeriod.checked(new RecoveryFilter(from, to, blankToNull(provider), source,
				blankToNull(rule)));
		List<RecoveryEntry> entries = ledger.entries(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("sources", RecoverySource.values());
		model.addAttribute("entries", entries.stream().limit(LISTED).toList());
		model.addAttribute("more", Math.max(0, entries.size() - LISTED));
		model.addAttribute("totals", RecoveryTotals.of(entries));
		model.addAttribute("ruleNames", ruleNames());
		return "recovery/index";
	}

	@GetMapping("/institution/recoveries")
	String institution(Authentication authentication,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		RecoveryFilter filter = RecoveryPeriod.checked(new RecoveryFilter(from, to, null, null, null));
		List<RecoveryEntry> entries = ledger.entriesOf(user.providerCode(), filter);
		model.addAttribute("filter", filter);
		model.addAttribute("providerCode", user.providerCode());
		model.addAttribute("entries", entries.stream().limit(LISTED).toList());
		model.addAttribute("more", Math.max(0, entries.size() - LISTED));
		model.addAttribute("totals", RecoveryTotals.of(entries));
		model.addAttribute("ruleNames", ruleNames());
		return "recovery/institution";
	}

	/** Rule id → Chinese name, for the rule columns; an id the catalogue lacks (or several ids) shows as it is. */
	private Map<String, String> ruleNames() {
		return catalogue.all().stream().collect(Collectors.toMap(RuleDefinition::id, RuleDefinition::nameZh, (a, b) -> a));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}

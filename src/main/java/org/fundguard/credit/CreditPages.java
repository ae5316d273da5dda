package org.fundguard.credit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fundguard.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The credit pages: the bureau's (every scored institution by grade and region, the focus list, one institution's
 * facts and grade history), an institution's own, and the public grades with the methodology. Who reaches which is
 * EndpointAccess's; an institution reads its own provider code's scorecard only.
 */
@Controller
class CreditPages {

	private final CreditLedger ledger;
	private final CreditProperties config;

	CreditPages(CreditLedger ledger, CreditProperties config) {
		this.ledger = ledger;
		this.config = config;
	}

	@GetMapping("/credit")
	String bureau(@RequestParam(required = false) String year, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String region, Model model) {
		int y = CreditYear.of(year, ledger);
		CreditGrade g = CreditYear.grade(grade);
		String r = region == null || region.isBlank() ? null : region.strip();
		List<CreditComputation.Scorecard> all = ledger.scorecards(y);
		model.addAttribute("year", y);
		model.addAttribute("years", ledger.years());
		model.addAttribute("asOf", ledger.asOf(y));
		model.addAttribute("grade", g);
		model.addAttribute("region", r);
		model.addAttribute("grades", CreditGrade.values());
		model.addAttribute("regions", all.stream().map(CreditComputation.Scorecard::region).filter(x -> x != null)
			.distinct().sorted().toList());
		model.addAttribute("counts", counts(all));
		model.addAttribute("focus", all.stream().filter(s -> s.grade() == CreditGrade.D).toList());
		model.addAttribute("scorecards", all.stream()
			.filter(s -> g == null || s.grade() == g)
			.filter(s -> r == null || (s.region() != null && s.region().startsWith(r)))
			.toList());
		model.addAttribute("config", config);
		return "credit/index";
	}

	@GetMapping("/credit/institutions/{providerCode}")
	String detail(@PathVariable String providerCode, @RequestParam(required = false) String year, Model model) {
		int y = CreditYear.of(year, ledger);
		model.addAttribute("year", y);
		model.addAttribute("years", ledger.years());
		model.addAttribute("asOf", ledger.asOf(y));
		model.addAttribute("card", ledger.scorecard(providerCode.strip(), y));
		model.addAttribute("config", config);
		return "credit/detail";
	}

	@GetMapping("/institution/credit")
	String institution(Authentication authentication, @RequestParam(required = false) String year, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		int y = CreditYear.of(year, ledger);
		model.addAttribute("year", y);
		model.addAttribute("years", ledger.years());
		model.addAttribute("asOf", ledger.asOf(y));
		model.addAttribute("providerCode", user.providerCode());
		model.addAttribute("card", user.providerCode() == null ? null : ledger.scorecard(user.providerCode(), y));
		model.addAttribute("config", config);
		return "credit/institution";
	}

	@GetMapping("/public/credit")
	String published(@RequestParam(required = false) String year, Model model) {
		int y = CreditYear.of(year, ledger);
		List<CreditComputation.Scorecard> all = ledger.scorecards(y);
		model.addAttribute("year", y);
		model.addAttribute("years", ledger.years());
		model.addAttribute("asOf", ledger.asOf(y));
		model.addAttribute("counts", counts(all));
		model.addAttribute("scorecards", all);
		model.addAttribute("grades", CreditGrade.values());
		model.addAttribute("config", config);
		return "credit/public";
	}

	static Map<CreditGrade, Long> counts(List<CreditComputation.Scorecard> cards) {
		Map<CreditGrade, Long> counts = new EnumMap<>(CreditGrade.class);
		for (CreditGrade g : CreditGrade.values()) {
			counts.put(g, cards.stream().filter(s -> s.grade() == g).count());
		}
		return counts;
	}
}

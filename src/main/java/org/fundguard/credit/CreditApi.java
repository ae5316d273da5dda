package org.fundguard.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The bureau's credit scores for programs; the same computation as the pages. */
@RestController
class CreditApi {

	record Year(int year, LocalDate asOf, Map<CreditGrade, Long> counts, List<InstitutionCredit> institutions) {
	}

	record Fact(String id, CreditCause cause, String causeLabel, LocalDate occurredOn, int points, int applied,
			int scoreAfter, String description, String reference) {
	}

	record Change(LocalDate on, CreditGrade from, CreditGrade to, int score, String causeFactId, String cause) {
	}

	record Detail(String providerCode, String providerName, int year, LocalDate asOf, int score, CreditGrade grade,
			List<Fact> facts, List<Change> gradeChanges) {
	}

	private final CreditLedger ledger;

	CreditApi(CreditLedger ledger) {
		this.ledger = ledger;
	}

	@Operation(summary = "医保信用评价：某年各机构得分与等级 / every scored institution's credit in a year")
	@GetMapping("/api/credit")
	Year year(@RequestParam(required = false) String year) {
		int y = CreditYear.of(year, ledger);
		List<CreditComputation.Scorecard> cards = ledger.scorecards(y);
		return new Year(y, ledger.asOf(y), CreditPages.counts(cards), ledger.ofYear(y));
	}

	@Operation(summary = "医保信用评价：某机构的得分、事实与等级变化 / one institution's score, facts and grade changes")
	@GetMapping("/api/credit/institutions/{providerCode}")
	Detail institution(@PathVariable String providerCode, @RequestParam(required = false) String year) {
		int y = CreditYear.of(year, ledger);
		CreditComputation.Scorecard s = ledger.scorecard(providerCode.strip(), y);
		return new Detail(s.providerCode(), s.providerName(), y, ledger.asOf(y), s.score(), s.grade(),
				s.steps().stream().map(st -> new Fact(st.fact().id(), st.fact().cause(), st.fact().cause().label(),
						st.fact().occurredOn(), st.fact().points(), st.applied(), st.after(), st.fact().description(),
						st.fact().reference())).toList(),
				s.changes().stream().map(c -> new Change(c.on(), c.from(), c.to(), c.score(), c.cause().id(),
						c.cause().description())).toList());
	}
}

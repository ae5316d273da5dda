package org.fundguard.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fundguard.campaigns.Campaigns;
import org.fundguard.credit.CreditGrade;
import org.fundguard.credit.CreditScores;
import org.fundguard.credit.InstitutionCredit;
import org.fundguard.rules.RuleLabels;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Computes the dashboard for a month. Credit scores and campaigns come from their modules when those are there (the
 * first implementation found); without one, its block is empty rather than made up.
 */
@Service
class Dashboard {

	static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	private final FundPositions funds;
	private final SignalsByRule signals;
	private final ProgrammeFigures programme;
	private final ObjectProvider<CreditScores> credit;
	private final ObjectProvider<Campaigns> campaigns;
	private final RuleLabels labels;
	private final Clock clock;

	Dashboard(FundPositions funds, SignalsByRule signals, ProgrammeFigures programme, ObjectProvider<CreditScores> credit,
			ObjectProvider<Campaigns> campaigns, RuleLabels labels, Clock clock) {
		this.funds = funds;
		this.signals = signals;
		this.programme = programme;
		this.credit = credit;
		this.campaigns = campaigns;
		this.labels = labels;
		this.clock = clock;
	}

	/** The month shown when none is asked for: the ledger's latest, else the last whole month. */
	YearMonth defaultMonth() {
		return funds.latestMonth().orElseGet(() -> YearMonth.now(clock.withZone(BUREAU_ZONE)).minusMonths(1));
	}

	DashboardView of(YearMonth month) {
		OffsetDateTime asOf = OffsetDateTime.now(clock.withZone(BUREAU_ZONE)).withNano(0);
		LocalDate today = asOf.toLocalDate();
		// the blocks are independent: asked at once, the dashboard waits for the slowest, not for their sum
		Future<List<FundPosition>> fundsAsked;
		Future<List<SignalsByRule.Count>> signalsAsked;
		Future<ProgrammeFigures.Funnel> funnelAsked;
		Future<ProgrammeFigures.Money> moneyAsked;
		try (ExecutorService ask = Executors.newVirtualThreadPerTaskExecutor()) {
			fundsAsked = ask.submit(() -> funds.in(month));
			signalsAsked = ask.submit(() -> signals.upTo(month));
			funnelAsked = ask.submit(programme::funnel);
			moneyAsked = ask.submit(() -> programme.money(today));
		}
		List<DashboardView.FundRow> fundRows = answer(fundsAsked).stream().map(DashboardView.FundRow::of).toList();
		List<DashboardView.RuleMonth> ruleMonths = answer(signalsAsked).stream()
			.map(c -> new DashboardView.RuleMonth(c.ruleId(), labels.name(c.ruleId()), c.month().toString(), c.signals(), c.leads(),
					"/leads?rule=" + c.ruleId()))
			.toList();
		int year = month.getYear();
		Map<String, Long> grades = creditGrades(year);
		var progress = campaigns.orderedStream().findFirst().map(c -> c.progressOn(today)).orElse(null);
		Map<String, String> links = new LinkedHashMap<>();
		links.put("leads", "/leads");
		links.put("cases", "/cases");
		links.put("penalties", "/penalties");
		links.put("recoveries", "/recoveries");
		if (grades != null) {
			links.put("credit", "/credit");
		}
		if (progress != null) {
			links.put("campaigns", "/campaigns");
		}
		return new DashboardView(month, asOf, fundRows, ruleMonths, answer(funnelAsked), answer(moneyAsked), grades,
				grades == null ? null : year, progress, links);
	}

	/** A block's answer, or what it failed with (a refusal, Elasticsearch unavailable) as if asked in this thread. */
	static <T> T answer(Future<T> asked) {
		try {
			return asked.get();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Institutions per grade label in the year, or null when no credit module is there. */
	private Map<String, Long> creditGrades(int year) {
		return credit.orderedStream().findFirst().map(scores -> {
			Map<CreditGrade, Long> counts = new EnumMap<>(CreditGrade.class);
			for (CreditGrade g : CreditGrade.values()) {
				counts.put(g, 0L);
			}
			for (InstitutionCredit c : scores.ofYear(year)) {
				counts.merge(c.grade(), 1L, Long::sum);
			}
			Map<String, Long> out = new LinkedHashMap<>();
			counts.forEach((g, n) -> out.put(g.label(), n));
			return out;
		}).orElse(null);
	}
}

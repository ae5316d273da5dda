package org.fundguard.rules;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FundLedger;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.rules.LineRules.Named;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fund rules. A fund (pooling region + scheme) spends the fund_paid of the settlements of its insured (by
 * insured_region and the person's insurance_type), by the month of settle_time; the months of the window are judged.
 */
@Configuration
class FundRules {

	/** Monthly expenditure per fund ("region|type"), from 12 months before the window to its end. */
	static Map<String, Map<YearMonth, Double>> expenditure(Searches es, String index, Window window) {
		return expenditure(es, index, window.firstMonth().minusMonths(12), window.lastMonth());
	}

	/** Monthly expenditure per fund ("region|type") from the month {@code first} to {@code last}, both included. */
	static Map<String, Map<YearMonth, Double>> expenditure(Searches es, String index, YearMonth first, YearMonth last) {
		Map<String, Map<YearMonth, Double>> out = new HashMap<>();
		String query = "{\"range\":{\"" + Settlements.SETTLE_TIME + "\":{\"gte\":\"" + first.atDay(1) + " 00:00:00\",\"lt\":\""
				+ last.plusMonths(1).atDay(1) + " 00:00:00\"}}}";
		es.composite(index, query,
				"[" + Q.termsSource("r", Settlements.INSURED_REGION) + "," + Q.termsSource("t", Settlements.INSURANCE_TYPE) + ","
						+ Q.termsSource("m", Settlements.SETTLE_MONTH) + "]",
				"{\"f\":" + Q.sum(Settlements.FUND_PAID) + "}",
				b -> out.computeIfAbsent(b.at("/key/r").asText() + "|" + b.at("/key/t").asText(), k -> new TreeMap<>())
					.put(YearMonth.parse(b.at("/key/m").asText()), b.at("/f/value").asDouble()));
		return out;
	}

	private static Map<String, Map<YearMonth, Double>> shared(Scope scope, ClaimIndices ix) {
		return scope.shared("expenditure|" + scope.window(), () -> expenditure(scope.es(), ix.settlements(), scope.window()));
	}

	@Bean
	Evaluator expenditureGrowth(ClaimIndices ix) {
		return new Named("ExpenditureGrowth", (scope, hits) -> {
			double limit = scope.param("growth_percent");
			shared(scope, ix).forEach((fund, months) -> {
				for (YearMonth m = scope.window().firstMonth(); !m.isAfter(scope.window().lastMonth()); m = m.plusMonths(1)) {
					Double growth = FundMath.growthPercent(months, m);
					if (growth != null && growth > limit) {
						double now = months.getOrDefault(m, 0.0);
						double before = months.get(m.minusMonths(12));
						hits.accept(new Hit(fund + "|" + m, "fund", fund, Rounding.value(growth), limit,
								m + " 基金支出 " + Rounding.text(Rounding.money(now)) + "，上年同月 " + Rounding.text(Rounding.money(before))
										+ "，增长 " + Rounding.text(Rounding.value(growth)) + "%",
								List.of(), List.of(), Rounding.money(now - before), m.toString()));
					}
				}
			});
		});
	}

	@Bean
	Evaluator reserveMonths(ClaimIndices ix) {
		return new Named("ReserveMonths", (scope, hits) -> {
			double min = scope.param("min_months");
			Map<String, Map<YearMonth, Double>> expenditure = shared(scope, ix);
			String query = "{\"range\":{\"" + FundLedger.MONTH + "\":{\"gte\":\"" + scope.window().firstMonth()
					+ "\",\"lte\":\"" + scope.window().lastMonth() + "\"}}}";
			scope.es().scan(ix.fundLedger(), query, Q.ascending(FundLedger.REGION, FundLedger.INSURANCE_TYPE, FundLedger.MONTH),
					Q.fields(FundLedger.REGION, FundLedger.INSURANCE_TYPE, FundLedger.MONTH, FundLedger.OPENING_BALANCE), l -> {
						String fund = l.path(FundLedger.REGION).asText() + "|" + l.path(FundLedger.INSURANCE_TYPE).asText();
						YearMonth month = YearMonth.parse(l.path(FundLedger.MONTH).asText());
						Double average = FundMath.averageOfYearBefore(expenditure.getOrDefault(fund, Map.of()), month);
						double opening = l.path(FundLedger.OPENING_BALANCE).asDouble();
						if (average != null && opening < min * average) {
							double covers = opening / average;
							hits.accept(new Hit(fund + "|" + month, "fund", fund, Rounding.value(covers), min,
									month + " 月初累计结余 " + Rounding.text(opening) + "，可支付 " + Rounding.text(Rounding.value(covers))
											+ " 个月（前12个月平均支出 " + Rounding.text(Rounding.money(average)) + "）",
									List.of(), List.of(), Rounding.money(min * average - opening), month.toString()));
						}
					});
		});
	}

	/**
	 * Calendar years touching the window whose fund_ledger has all 12 months and whose income is below the year's
	 * expenditure (收不抵支), compared in cents. Only the income months need to be complete: expenditure is whatever
	 * the loaded settlements of that fund's insured add up to by settle_time. Jurisdiction: the ledger's region.
	 */
	@Bean
	Evaluator currentDeficit(ClaimIndices ix) {
		return new Named("CurrentDeficit", (scope, hits) -> {
			int firstYear = scope.window().from().getYear();
			int lastYear = scope.window().to().getYear();
			Map<String, Map<YearMonth, Long>> income = new TreeMap<>();
			String query = Q.filter("{\"range\":{\"" + FundLedger.MONTH + "\":{\"gte\":\"" + firstYear + "-01\",\"lte\":\"" + lastYear
					+ "-12\"}}}", Q.prefixes(FundLedger.REGION, scope.regions()));
			scope.es().scan(ix.fundLedger(), query, Q.ascending(FundLedger.REGION, FundLedger.INSURANCE_TYPE, FundLedger.MONTH),
					Q.fields(FundLedger.REGION, FundLedger.INSURANCE_TYPE, FundLedger.MONTH, FundLedger.INCOME),
					l -> income.computeIfAbsent(l.path(FundLedger.REGION).asText() + "|" + l.path(FundLedger.INSURANCE_TYPE).asText(),
							k -> new TreeMap<>()).put(YearMonth.parse(l.path(FundLedger.MONTH).asText()), FundMath.cents(l.path(FundLedger.INCOME).asDouble())));
			if (income.isEmpty()) {
				return;
			}
			Map<String, Map<YearMonth, Double>> spent = expenditure(scope.es(), ix.settlements(), YearMonth.of(firstYear, 1),
					YearMonth.of(lastYear, 12));
			income.forEach((fund, months) -> {
				for (int year = firstYear; year <= lastYear; year++) {
					FundMath.Deficit d = FundMath.deficit(months, spent.getOrDefault(fund, Map.of()), year);
					if (d != null) {
						hits.accept(new Hit(fund + "|" + year, "fund", fund, d.income() / 100.0, d.expenditure() / 100.0,
								year + " 年基金收入 " + Rounding.text(d.income() / 100.0) + "，支出 " + Rounding.text(d.expenditure() / 100.0)
										+ "，收不抵支 " + Rounding.text((d.expenditure() - d.income()) / 100.0),
								List.of(), List.of(), (d.expenditure() - d.income()) / 100.0, year + "-12"));
					}
				}
			});
		});
	}
}

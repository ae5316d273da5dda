package org.fundguard.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FundLedger;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.rules.RuleCatalogue;
import org.fundguard.rules.RuleParameters;
import org.springframework.stereotype.Component;

/**
 * The funds of the jurisdiction in a month, from two composite aggregations: the ledger's income and opening balance
 * by region, scheme and month, and fund_paid of the settlements by insured region, scheme and settle month (how the
 * fund rules count a fund's expenditure). The reserve minimum is the reserve-months rule's parameter in force for
 * the region.
 */
@Component
class FundPositions {

	static final String RESERVE_RULE = "reserve-months";

	private final Aggregations es;
	private final ClaimIndices claims;
	private final Jurisdiction jurisdiction;
	private final RuleCatalogue catalogue;
	private final RuleParameters parameters;

	FundPositions(Aggregations es, ClaimIndices claims, Jurisdiction jurisdiction, RuleCatalogue catalogue,
			RuleParameters parameters) {
		this.es = es;
		this.claims = claims;
		this.jurisdiction = jurisdiction;
		this.catalogue = catalogue;
		this.parameters = parameters;
	}

	/** The latest month of the ledger in the jurisdiction, if it has any. */
	Optional<YearMonth> latestMonth() {
		claims.ensureReadable();
		var r = es.search(claims.fundLedger(), "{\"size\":0,\"query\":" + Aggregations.prefixes(FundLedger.REGION, jurisdiction.regionPrefixes())
				+ ",\"aggs\":{\"m\":{\"terms\":{\"field\":\"" + FundLedger.MONTH + "\",\"size\":1,\"order\":{\"_key\":\"desc\"}}}}}");
		var buckets = r.path("aggregations").path("m").path("buckets");
		return buckets.isEmpty() ? Optional.empty() : Optional.of(YearMonth.parse(buckets.get(0).path("key").asText()));
	}

	List<FundPosition> in(YearMonth month) {
		claims.ensureReadable();
		YearMonth first = month.minusMonths(12);
		Map<String, Map<YearMonth, Double>> income = new ConcurrentHashMap<>();
		Map<String, Map<YearMonth, Double>> opening = new ConcurrentHashMap<>();
		Map<String, Map<YearMonth, Double>> spent = new ConcurrentHashMap<>();
		// the ledger and the settlements are asked at once
		ExecutorService ask = Executors.newVirtualThreadPerTaskExecutor();
		String ledgerQuery = "{\"bool\":{\"filter\":[{\"range\":{\"" + FundLedger.MONTH + "\":{\"gte\":\"" + first + "\",\"lte\":\"" + month
				+ "\"}}}," + Aggregations.prefixes(FundLedger.REGION, jurisdiction.regionPrefixes()) + "]}}";
		Future<?> ledger = ask.submit(() -> es.composite(claims.fundLedger(), ledgerQuery,
				"[" + Aggregations.terms("r", FundLedger.REGION) + "," + Aggregations.terms("t", FundLedger.INSURANCE_TYPE) + ","
						+ Aggregations.terms("m", FundLedger.MONTH) + "]",
				"{\"i\":{\"sum\":{\"field\":\"" + FundLedger.INCOME + "\"}},\"o\":{\"max\":{\"field\":\"" + FundLedger.OPENING_BALANCE + "\"}}}",
				b -> {
					String fund = b.at("/key/r").asText() + "|" + b.at("/key/t").asText();
					YearMonth m = YearMonth.parse(b.at("/key/m").asText());
					income.computeIfAbsent(fund, k -> new TreeMap<>()).put(m, b.at("/i/value").asDouble());
					opening.computeIfAbsent(fund, k -> new TreeMap<>()).put(m, b.at("/o/value").asDouble());
				}));
		String settlementQuery = "{\"bool\":{\"filter\":[{\"range\":{\"" + Settlements.SETTLE_TIME + "\":{\"gte\":\"" + first.atDay(1)
				+ " 00:00:00\",\"lt\":\"" + month.plusMonths(1).atDay(1) + " 00:00:00\"}}},"
				+ Aggregations.prefixes(Settlements.INSURED_REGION, jurisdiction.regionPrefixes()) + "]}}";
		Future<?> settlements = ask.submit(() -> es.composite(claims.settlements(), settlementQuery,
				"[" + Aggregations.terms("r", Settlements.INSURED_REGION) + "," + Aggregations.terms("t", Settlements.INSURANCE_TYPE) + ","
						+ Aggregations.terms("m", Settlements.SETTLE_MONTH) + "]",
				"{\"f\":{\"sum\":{\"field\":\"" + Settlements.FUND_PAID + "\"}}}",
				b -> spent.computeIfAbsent(b.at("/key/r").asText() + "|" + b.at("/key/t").asText(), k -> new TreeMap<>())
					.put(YearMonth.parse(b.at("/key/m").asText()), b.at("/f/value").asDouble())));
		ask.close();
		Dashboard.answer(ledger);
		Dashboard.answer(settlements);
		TreeSet<String> funds = new TreeSet<>(income.keySet());
		spent.forEach((fund, months) -> {
			if (months.containsKey(month)) {
				funds.add(fund);
			}
		});
		List<FundPosition> out = new ArrayList<>();
		for (String fund : funds) {
			String[] rt = fund.split("\\|", 2);
			out.add(FundPosition.of(rt[0], rt[1], month, spent.getOrDefault(fund, Map.of()), income.getOrDefault(fund, Map.of()),
					opening.getOrDefault(fund, Map.of()), minReserveMonths(rt[0])));
		}
		return out;
	}

	/** The reserve-months rule's min_months for the region (its own override, else the rule file's default). */
	double minReserveMonths(String region) {
		return catalogue.find(RESERVE_RULE)
			.map(rule -> parameters.effective(rule, List.of(region)).getOrDefault("min_months", 0.0))
			.orElse(0.0);
	}
}

package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * The period template: lines of the chosen items (meeting the conditions, if any) counted per person, or person +
 * provider, per day, ISO week, month or settlement; a count of lines, distinct days or summed quantity above the
 * parameter {@code limit} is a hit. The counts come from one paged composite aggregation and are compared here: this
 * Elasticsearch runs no scripts, so a bucket_selector cannot drop the buckets under the limit.
 */
final class PeriodCountRule implements Evaluator {

	/** Settlements named in a hit's evidence; a person over a limit in one period rarely has more. */
	static final int EVIDENCE_SETTLEMENTS = 100;

	private final ClaimIndices ix;

	PeriodCountRule(ClaimIndices ix) {
		this.ix = ix;
	}

	@Override
	public String name() {
		return RuleTemplate.PERIOD_COUNT;
	}

	@Override
	public void evaluate(Scope scope, Consumer<Hit> hits) {
		RuleTemplate t = ComposedRules.template(scope.rule());
		double limit = scope.param("limit");
		scope.es().composite(ix.claims(), t.lineQuery(scope.window(), scope.regions(), FeeLines.MEDICAL_REGION), sources(t), SUB_AGGS, null, Searches.PAGE,
				b -> {
					Hit hit = judge(t, limit, b);
					if (hit != null) {
						hits.accept(hit);
					}
				});
	}

	static String sources(RuleTemplate t) {
		List<String> sources = new ArrayList<>();
		sources.add(Q.termsSource("a", FeeLines.PERSON_ID));
		if ("person+provider".equals(t.per())) {
			sources.add(Q.termsSource("v", FeeLines.PROVIDER_CODE));
		}
		sources.add(switch (t.period()) {
			case "day" -> "{\"t\":{\"date_histogram\":{\"field\":\"" + FeeLines.ITEM_DATE
					+ "\",\"calendar_interval\":\"1d\",\"format\":\"yyyy-MM-dd\"}}}";
			case "month" -> "{\"t\":{\"date_histogram\":{\"field\":\"" + FeeLines.ITEM_DATE
					+ "\",\"calendar_interval\":\"1M\",\"format\":\"yyyy-MM\"}}}";
			case "week" -> Q.termsSource("t", FeeLines.ISO_WEEK);
			default -> Q.termsSource("t", FeeLines.SETTLEMENT_ID);
		});
		return "[" + String.join(",", sources) + "]";
	}

	/** Distinct days are counted exactly: a cardinality is exact far below its precision threshold. */
	static final String SUB_AGGS = "{\"q\":" + Q.sum(FeeLines.QUANTITY) + ",\"m\":" + Q.sum(FeeLines.AMOUNT)
			+ ",\"d\":{\"cardinality\":{\"field\":\"" + FeeLines.ITEM_DATE + "\",\"precision_threshold\":1000}}"
			+ ",\"f\":{\"min\":{\"field\":\"" + FeeLines.VISIT_START + "\",\"format\":\"yyyy-MM-dd\"}}"
			+ ",\"s\":{\"terms\":{\"field\":\"" + FeeLines.SETTLEMENT_ID + "\",\"size\":" + EVIDENCE_SETTLEMENTS
			+ ",\"order\":{\"_key\":\"asc\"}}}}";

	/** A bucket over the limit as a hit; null under it. */
	static Hit judge(RuleTemplate t, double limit, JsonNode b) {
		double value = switch (t.measure()) {
			case "days" -> b.at("/d/value").asDouble();
			case "quantity" -> b.at("/q/value").asDouble();
			default -> b.path("doc_count").asDouble();
		};
		if (value <= limit + 1e-9) {
			return null;
		}
		JsonNode key = b.path("key");
		String person = key.path("a").asText();
		String period = key.path("t").asText();
		String subject = person + (key.has("v") ? "|" + key.path("v").asText() : "") + "|" + period;
		List<String> settlements = new ArrayList<>();
		b.at("/s/buckets").forEach(s -> settlements.add(s.path("key").asText()));
		double amount = b.at("/m/value").asDouble();
		String month = b.at("/f/value_as_string").asText();
		String description = "参保人员 " + person + (key.has("v") ? " 在机构 " + key.path("v").asText() : "") + " "
				+ periodText(t.period(), period) + " " + measureText(t.measure()) + " " + Rounding.text(Rounding.value(value))
				+ "，上限 " + Rounding.text(limit);
		return new Hit(subject, "person", person, Rounding.value(value), limit, description, settlements, List.of(),
				Rounding.money(amount * (value - limit) / value), month.length() >= 7 ? month.substring(0, 7) : period);
	}

	private static String periodText(String period, String key) {
		return switch (period) {
			case "day" -> key + " 当日";
			case "week" -> key + " 周";
			case "month" -> key + " 月";
			default -> "结算 " + key + " 中";
		};
	}

	private static String measureText(String measure) {
		return switch (measure) {
			case "days" -> "有所选项目的天数";
			case "quantity" -> "所选项目数量合计";
			default -> "所选项目明细条数";
		};
	}
}

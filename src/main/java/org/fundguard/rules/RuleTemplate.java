package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.errors.Refused;

/**
 * The {@code evaluator.template} of a composed rule, read and checked: which items, which condition on their lines, and
 * for the period and peer templates what is counted. Every error names the field as the JSON path, in Chinese.
 *
 * @param per {@code person} or {@code person+provider} (PeriodCount)
 * @param period {@code day}, {@code week}, {@code month} or {@code settlement} (PeriodCount)
 * @param measure {@code lines}, {@code days} or {@code quantity} (PeriodCount)
 * @param metric {@code share} or {@code amount_per_settlement} (PeerShare)
 */
record RuleTemplate(String kind, Items items, List<Condition> conditions, String per, String period, String measure,
		String metric) {

	static final String LINE_CONDITION = "LineCondition";
	static final String PERIOD_COUNT = "PeriodCount";
	static final String PEER_SHARE = "PeerShare";
	static final List<String> KINDS = List.of(LINE_CONDITION, PERIOD_COUNT, PEER_SHARE);

	static final List<String> ITEMS_BY = List.of("code", "tag", "field");
	static final List<String> OPS = List.of("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "prefix", "not_prefix");
	static final List<String> NUMERIC_OPS = List.of("gt", "gte", "lt", "lte");
	static final List<String> KEYWORD_OPS = List.of("prefix", "not_prefix");
	static final List<String> SINGLE_VALUE_OPS = List.of("eq", "ne", "gt", "gte", "lt", "lte");
	static final List<String> PERS = List.of("person", "person+provider");
	static final List<String> PERIODS = List.of("day", "week", "month", "settlement");
	static final List<String> MEASURES = List.of("lines", "days", "quantity");
	static final List<String> METRICS = List.of("share", "amount_per_settlement");

	static final String PATH = "evaluator.template";

	/** The items chosen: by code, by tag, or by a catalogue column's values. */
	record Items(String by, String field, List<String> values) {

		/** The line field the values are matched against. */
		String lineField() {
			return switch (by) {
				case "code" -> FeeLines.ITEM_CODE;
				case "tag" -> FeeLines.ITEM_TAGS;
				default -> field;
			};
		}

		String query() {
			return Q.terms(lineField(), values);
		}
	}

	/** One condition on a line: all of a rule's conditions together make a line a hit. */
	record Condition(String field, String op, List<String> values) {

		/**
		 * The condition as a query. A negative condition needs the field to be present: a line of a person whose
		 * gender was not loaded is not evidence that the gender was wrong.
		 */
		String query() {
			return switch (op) {
				case "eq" -> Q.term(field, values.getFirst());
				case "in" -> Q.terms(field, values);
				case "ne" -> Q.filterNot(Q.exists(field), Q.term(field, values.getFirst()));
				case "not_in" -> Q.filterNot(Q.exists(field), Q.terms(field, values));
				case "prefix" -> Q.prefixes(field, values);
				case "not_prefix" -> Q.filterNot(Q.exists(field), Q.prefixes(field, values));
				default -> "{\"range\":{\"" + field + "\":{\"" + op + "\":" + Double.parseDouble(values.getFirst()) + "}}}";
			};
		}

		/** In Chinese, for the rule's description: 就诊时年龄 大于 17. */
		String text() {
			String label = TemplateFields.label(field);
			String joined = String.join("、", values);
			return label + switch (op) {
				case "eq" -> " 等于 " + joined;
				case "ne" -> " 不等于 " + joined;
				case "in" -> " 属于 " + joined;
				case "not_in" -> " 不属于 " + joined;
				case "gt" -> " 大于 " + joined;
				case "gte" -> " 不小于 " + joined;
				case "lt" -> " 小于 " + joined;
				case "lte" -> " 不大于 " + joined;
				case "prefix" -> " 以 " + joined + " 开头";
				default -> " 不以 " + joined + " 开头";
			};
		}
	}

	/** The lines the rule looks at in the window: the chosen items meeting every condition. */
	/**
	 * The lines the template reads in the window; with region prefixes, only those whose {@code regionField} is in
	 * them (the provider's region for peer scores, the place of treatment for the others, as the second catalogue).
	 */
	String lineQuery(Window window, List<String> regionPrefixes, String regionField) {
		List<String> filters = new ArrayList<>();
		filters.add(items.query());
		conditions.forEach(c -> filters.add(c.query()));
		filters.add(Q.days(FeeLines.VISIT_START, window.from(), window.to()));
		String regions = Q.prefixes(regionField, regionPrefixes);
		if (regions != null) {
			filters.add(regions);
		}
		return Q.filter(filters.toArray(String[]::new));
	}

	/** The conditions in Chinese, joined: 就诊时年龄 大于 17，且 性别 等于 1. */
	String conditionsText() {
		return conditions.stream().map(Condition::text).collect(Collectors.joining("，且 "));
	}

	/** Reads and checks a definition's template for its evaluator {@code kind}. */
	static RuleTemplate of(String kind, JsonNode template) {
		if (!KINDS.contains(kind)) {
			throw Refused.because("rules.library.field.not-one-of", "evaluator.java", kind, String.join("、", KINDS));
		}
		if (!template.isObject()) {
			throw Refused.because("rules.library.field.missing", PATH);
		}
		List<String> known = switch (kind) {
			case PERIOD_COUNT -> List.of("items", "conditions", "per", "period", "measure");
			case PEER_SHARE -> List.of("items", "conditions", "metric");
			default -> List.of("items", "conditions");
		};
		DefinitionCheck.onlyKnown(template, PATH, known);
		Items items = items(template.path("items"));
		List<Condition> conditions = conditions(template.path("conditions"), !LINE_CONDITION.equals(kind));
		String per = null;
		String period = null;
		String measure = null;
		String metric = null;
		if (PERIOD_COUNT.equals(kind)) {
			per = DefinitionCheck.oneOf(template, PATH + ".per", "per", PERS);
			period = DefinitionCheck.oneOf(template, PATH + ".period", "period", PERIODS);
			measure = DefinitionCheck.oneOf(template, PATH + ".measure", "measure", MEASURES);
		}
		if (PEER_SHARE.equals(kind)) {
			metric = DefinitionCheck.oneOf(template, PATH + ".metric", "metric", METRICS);
		}
		return new RuleTemplate(kind, items, conditions, per, period, measure, metric);
	}

	private static Items items(JsonNode n) {
		String path = PATH + ".items";
		if (!n.isObject()) {
			throw Refused.because("rules.library.field.missing", path);
		}
		DefinitionCheck.onlyKnown(n, path, List.of("by", "field", "values"));
		String by = DefinitionCheck.oneOf(n, path + ".by", "by", ITEMS_BY);
		String field = null;
		if ("field".equals(by)) {
			field = DefinitionCheck.oneOf(n, path + ".field", "field", List.copyOf(TemplateFields.ITEM.keySet()));
		}
		else if (n.has("field")) {
			throw Refused.because("rules.library.items.field-only-by-field", path + ".field");
		}
		return new Items(by, field, DefinitionCheck.texts(n.path("values"), path + ".values", true));
	}

	private static List<Condition> conditions(JsonNode n, boolean optional) {
		String path = PATH + ".conditions";
		if (n.isMissingNode() && optional) {
			return List.of();
		}
		if (!n.isArray() || (n.isEmpty() && !optional)) {
			throw Refused.because("rules.library.field.not-list", path);
		}
		List<Condition> out = new ArrayList<>();
		for (int i = 0; i < n.size(); i++) {
			String at = path + "[" + i + "]";
			JsonNode c = n.get(i);
			if (!c.isObject()) {
				throw Refused.because("rules.library.field.missing", at);
			}
			DefinitionCheck.onlyKnown(c, at, List.of("field", "op", "values"));
			String field = DefinitionCheck.oneOf(c, at + ".field", "field", List.copyOf(TemplateFields.CONDITION.keySet()));
			String op = DefinitionCheck.oneOf(c, at + ".op", "op", OPS);
			boolean numeric = TemplateFields.CONDITION.get(field).numeric();
			if (!numeric && NUMERIC_OPS.contains(op)) {
				throw Refused.because("rules.library.condition.op-needs-number", at + ".op", op, TemplateFields.label(field));
			}
			if (numeric && KEYWORD_OPS.contains(op)) {
				throw Refused.because("rules.library.condition.op-needs-text", at + ".op", op, TemplateFields.label(field));
			}
			List<String> values = DefinitionCheck.texts(c.path("values"), at + ".values", true);
			if (SINGLE_VALUE_OPS.contains(op) && values.size() != 1) {
				throw Refused.because("rules.library.condition.one-value", at + ".values", op);
			}
			if (numeric) {
				for (int v = 0; v < values.size(); v++) {
					DefinitionCheck.number(values.get(v), at + ".values[" + v + "]");
				}
			}
			out.add(new Condition(field, op, values));
		}
		return List.copyOf(out);
	}

	/** The parameters each template needs, with their defaults for a new rule. */
	static Map<String, Double> requiredParameters(String kind) {
		return switch (kind) {
			case PERIOD_COUNT -> Map.of("limit", 1.0);
			case PEER_SHARE -> Map.of("z_threshold", 3.5, "min_settlements", 30.0, "min_peer_group", 5.0);
			default -> Map.of();
		};
	}
}

package org.fundguard.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.errors.Refused;

/**
 * The strict check of a composed rule's definition, on publish and on import: the shape of the shipped files
 * ({@code elastic/rules/*.json}) with one of the templates as its evaluator. Unknown fields are refused rather than
 * ignored, so that a definition from another bureau's newer FundGuard does not silently lose a condition.
 */
final class DefinitionCheck {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{2,59}");
	private static final Pattern PARAMETER = Pattern.compile("[a-z][a-z0-9_]{0,39}");
	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
	private static final List<String> TOP = List.of("id", "version", "name_zh", "name_en", "legal_basis", "subject_type",
			"severity", "region_scope", "parameters", "evaluator", "false_positives");
	private static final List<String> SEVERITIES = List.of("high", "medium", "low");

	/** A definition that passed: the rule as the engine reads it and its template. */
	record Checked(RuleDefinition rule, RuleTemplate template) {
	}

	private DefinitionCheck() {
	}

	static Checked check(JsonNode n) {
		if (n == null || !n.isObject()) {
			throw Refused.because("rules.library.not-an-object");
		}
		onlyKnown(n, "", TOP);
		String id = text(n.path("id"), "id");
		if (!ID.matcher(id).matches()) {
			throw Refused.because("rules.library.id.format", id);
		}
		JsonNode version = n.path("version");
		if (!version.isIntegralNumber() || version.asInt() < 1) {
			throw Refused.because("rules.library.field.not-whole", "version", version.asText());
		}
		String nameZh = text(n.path("name_zh"), "name_zh");
		if (!HAN.matcher(nameZh).find()) {
			throw Refused.because("rules.library.name.chinese", nameZh);
		}
		text(n.path("name_en"), "name_en");
		JsonNode basis = n.path("legal_basis");
		if (!basis.isObject()) {
			throw Refused.because("rules.library.field.missing", "legal_basis");
		}
		onlyKnown(basis, "legal_basis", List.of("regulation", "article", "text"));
		text(basis.path("regulation"), "legal_basis.regulation");
		text(basis.path("text"), "legal_basis.text");
		if (basis.has("article") && !basis.get("article").isNull()
				&& (!basis.get("article").isIntegralNumber() || basis.get("article").asInt() < 1)) {
			throw Refused.because("rules.library.field.not-whole", "legal_basis.article", basis.get("article").asText());
		}
		oneOf(n, "severity", "severity", SEVERITIES);
		if (n.has("false_positives") && !n.get("false_positives").isTextual()) {
			throw Refused.because("rules.library.field.not-text", "false_positives");
		}
		JsonNode evaluator = n.path("evaluator");
		if (!evaluator.isObject()) {
			throw Refused.because("rules.library.field.missing", "evaluator");
		}
		onlyKnown(evaluator, "evaluator", List.of("java", "template"));
		String kind = text(evaluator.path("java"), "evaluator.java");
		RuleTemplate template = RuleTemplate.of(kind, evaluator.path("template"));
		oneOf(n, "subject_type", "subject_type", List.of(subjectOf(kind)));
		oneOf(n, "region_scope", "region_scope", List.of(regionScopeOf(kind)));
		parameters(n.path("parameters"), kind);
		return new Checked(RuleDefinition.parse(n), template);
	}

	/** What a template's hits are about: a line's settlement + item, a person's period, a provider. */
	static String subjectOf(String kind) {
		return switch (kind) {
			case RuleTemplate.PERIOD_COUNT -> "person";
			case RuleTemplate.PEER_SHARE -> "provider";
			default -> "settlement+item";
		};
	}

	/**
	 * Peer outliers score the providers of the run's regions, as the shipped peer rules do; the others judge the
	 * institutions treating in the jurisdiction (medical_region), as the second catalogue's institution rules do.
	 */
	static String regionScopeOf(String kind) {
		return RuleTemplate.PEER_SHARE.equals(kind) ? "provider_region" : "medical_region";
	}

	private static void parameters(JsonNode n, String kind) {
		Map<String, Double> required = RuleTemplate.requiredParameters(kind);
		if (n.isMissingNode() && required.isEmpty()) {
			return;
		}
		if (!n.isArray()) {
			throw Refused.because("rules.library.field.not-list", "parameters");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < n.size(); i++) {
			String at = "parameters[" + i + "]";
			JsonNode p = n.get(i);
			if (!p.isObject()) {
				throw Refused.because("rules.library.field.missing", at);
			}
			onlyKnown(p, at, List.of("name", "default", "min", "integer", "unit", "description"));
			String name = text(p.path("name"), at + ".name");
			if (!PARAMETER.matcher(name).matches() || !required.containsKey(name)) {
				throw Refused.because("rules.library.parameter.unknown", at + ".name", name, String.join("、", required.keySet()));
			}
			if (!seen.add(name)) {
				throw Refused.because("rules.library.parameter.twice", at + ".name", name);
			}
			if (!p.path("default").isNumber()) {
				throw Refused.because("rules.library.field.not-number", at + ".default", p.path("default").asText());
			}
			if (p.has("min") && !p.get("min").isNull() && !p.get("min").isNumber()) {
				throw Refused.because("rules.library.field.not-number", at + ".min", p.get("min").asText());
			}
			if (p.has("integer") && !p.get("integer").isBoolean()) {
				throw Refused.because("rules.library.field.not-boolean", at + ".integer", p.get("integer").asText());
			}
			for (String textField : List.of("unit", "description")) {
				if (p.has(textField) && !p.get(textField).isTextual()) {
					throw Refused.because("rules.library.field.not-text", at + "." + textField);
				}
			}
		}
		for (String name : required.keySet()) {
			if (!seen.contains(name)) {
				throw Refused.because("rules.library.parameter.required", "parameters", name);
			}
		}
		// the defaults must pass their own limits, or the rule would fail on its first run
		for (RuleDefinition.Parameter p : RuleDefinition.parse(parametersOnly(n)).parameters()) {
			p.check(p.defaultValue());
		}
	}

	private static JsonNode parametersOnly(JsonNode parameters) {
		var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
		node.put("id", "x").put("version", 1).put("name_zh", "x").put("name_en", "x").put("subject_type", "x").put("severity", "low");
		node.set("parameters", parameters);
		return node;
	}

	static void onlyKnown(JsonNode n, String path, List<String> known) {
		for (Iterator<String> names = n.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				throw Refused.because("rules.library.field.unknown", path.isEmpty() ? name : path + "." + name,
						String.join("、", known));
			}
		}
	}

	static String text(JsonNode n, String path) {
		if (n.isMissingNode() || n.isNull()) {
			throw Refused.because("rules.library.field.missing", path);
		}
		if (!n.isTextual() || n.asText().isBlank()) {
			throw Refused.because("rules.library.field.not-text", path);
		}
		return n.asText().strip();
	}

	static String oneOf(JsonNode parent, String path, String field, List<String> allowed) {
		String value = text(parent.path(field), path);
		if (!allowed.contains(value)) {
			throw Refused.because("rules.library.field.not-one-of", path, value, String.join("、", allowed));
		}
		return value;
	}

	/** A non-empty list of non-blank texts (numbers are taken as their text). */
	static List<String> texts(JsonNode n, String path, boolean required) {
		if (n.isMissingNode() || n.isNull()) {
			throw Refused.because("rules.library.field.missing", path);
		}
		if (!n.isArray() || (required && n.isEmpty())) {
			throw Refused.because("rules.library.field.not-list", path);
		}
		List<String> out = new ArrayList<>();
		for (int i = 0; i < n.size(); i++) {
			JsonNode v = n.get(i);
			if (!(v.isTextual() || v.isNumber()) || v.asText().isBlank()) {
				throw Refused.because("rules.library.field.not-text", path + "[" + i + "]");
			}
			out.add(v.asText().strip());
		}
		return List.copyOf(out);
	}

	static double number(String value, String path) {
		try {
			double d = Double.parseDouble(value);
			if (Double.isFinite(d)) {
				return d;
			}
		}
		catch (NumberFormatException e) {
			// refused below, naming the field
		}
		throw Refused.because("rules.library.field.not-number", path, value);
	}
}

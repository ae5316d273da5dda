package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.errors.Refused;

/**
 * One monitoring rule as defined in its versioned file {@code elastic/rules/<id>.json}.
 *
 * @param regionScope {@code provider_region} when the run's region prefixes select the providers scored (the peer
 *     rules), {@code export} when the rule judges everything the bureau loaded
 */
public record RuleDefinition(String id, int version, String nameZh, String nameEn, String legalBasis, Integer article,
		String subjectType, String severity, String regionScope, List<Parameter> parameters, String evaluator,
		String falsePositives, JsonNode source) {

	/**
	 * A rule parameter with its default; overrides per region are validated against min and integer. A parameter
	 * of kind {@code prefixes} (minor-illness-admission's diagnoses) holds a list of code prefixes instead of a number:
	 * its default is {@code prefixesDefault}, and {@code defaultValue} is unused.
	 */
	public record Parameter(String name, double defaultValue, Double min, boolean integer, String unit, String description,
			List<String> prefixesDefault) {

		static final String PREFIXES = "prefixes";

		/** An ICD-10 or item-code prefix: a letter, then letters, digits or dots. */
		private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[A-Z][A-Z0-9.]{0,19}");

		/** The most characters a stored value has (rule_parameter.param_value). */
		static final int STORED_LENGTH = 40;

		Parameter(String name, double defaultValue, Double min, boolean integer, String unit, String description) {
			this(name, defaultValue, min, integer, unit, description, null);
		}

		public boolean isPrefixes() {
			return prefixesDefault != null;
		}

		/** The default as pages show it. */
		public String defaultText() {
			return isPrefixes() ? String.join(";", prefixesDefault) : Rounding.text(defaultValue);
		}

		/**
		 * A list of prefixes as entered (separated by ; , ， ； or spaces), checked and normalised to upper case joined
		 * by ";"; refused when empty, malformed or longer than the stored column.
		 */
		String checkPrefixes(String entered) {
			List<String> out = new ArrayList<>();
			for (String part : entered.split("[;,，；\\s]+")) {
				String prefix = part.strip().toUpperCase(java.util.Locale.ROOT);
				if (prefix.isEmpty()) {
					continue;
				}
				if (!PREFIX.matcher(prefix).matches()) {
					throw Refused.because("rules.parameter.bad-prefix", name, part.strip());
				}
				if (!out.contains(prefix)) {
					out.add(prefix);
				}
			}
			if (out.isEmpty()) {
				throw Refused.because("rules.parameter.no-prefixes", name);
			}
			String joined = String.join(";", out);
			if (joined.length() > STORED_LENGTH) {
				throw Refused.because("rules.parameter.too-long", name, STORED_LENGTH);
			}
			return joined;
		}

		/** A stored list as the rule reads it. */
		static List<String> prefixes(String stored) {
			return java.util.Arrays.stream(stored.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

		double check(double value) {
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw Refused.because("rules.parameter.not-a-number", name, Rounding.text(value));
			}
			if (min != null && value < min) {
				throw Refused.because("rules.parameter.below-minimum", name, Rounding.text(value), Rounding.text(min));
			}
			if (integer && value != Math.rint(value)) {
				throw Refused.because("rules.parameter.not-whole", name, Rounding.text(value));
			}
			return value;
		}
	}

	/** The region scope of a rule that judges everything the bureau loaded. */
	static final String EXPORT = "export";

	static RuleDefinition parse(JsonNode n) {
		List<Parameter> params = new ArrayList<>();
		for (JsonNode p : n.path("parameters")) {
			boolean prefixes = Parameter.PREFIXES.equals(p.path("kind").asText());
			params.add(new Parameter(p.get("name").asText(), prefixes ? 0 : p.get("default").asDouble(),
					p.hasNonNull("min") ? p.get("min").asDouble() : null, p.path("integer").asBoolean(false),
					p.path("unit").asText(""), p.path("description").asText(""),
					prefixes ? Parameter.prefixes(p.get("default").asText()) : null));
		}
		JsonNode basis = n.path("legal_basis");
		return new RuleDefinition(n.get("id").asText(), n.get("version").asInt(), n.get("name_zh").asText(),
				n.get("name_en").asText(), basis.path("regulation").asText() + " " + basis.path("text").asText(),
				basis.hasNonNull("article") ? basis.get("article").asInt() : null, n.get("subject_type").asText(),
				n.get("severity").asText(), n.path("region_scope").asText(EXPORT), List.copyOf(params),
				n.path("evaluator").path("java").asText(), n.path("false_positives").asText(), n);
	}

	Parameter parameter(String name) {
		return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
			.orElseThrow(() -> Refused.because("rules.parameter.unknown", id, name));
	}

	/** The weight of the severity in a lead's risk score. */
	int severityWeight() {
		return switch (severity) {
			case "high" -> 5;
			case "medium" -> 3;
			default -> 1;
		};
	}
}

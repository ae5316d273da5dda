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

	/** A rule parameter with its default; overrides per region are validated against min and integer. */
	public record Parameter(String name, double defaultValue, Double min, boolean integer, String unit, String description) {

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

	static RuleDefinition parse(JsonNode n) {
		List<Parameter> params = new ArrayList<>();
		for (JsonNode p : n.path("parameters")) {
			params.add(new Parameter(p.get("name").asText(), p.get("default").asDouble(),
					p.hasNonNull("min") ? p.get("min").asDouble() : null, p.path("integer").asBoolean(false),
					p.path("unit").asText(""), p.path("description").asText("")));
		}
		JsonNode basis = n.path("legal_basis");
		return new RuleDefinition(n.get("id").asText(), n.get("version").asInt(), n.get("name_zh").asText(),
				n.get("name_en").asText(), basis.path("regulation").asText() + " " + basis.path("text").asText(),
				basis.hasNonNull("article") ? basis.get("article").asInt() : null, n.get("subject_type").asText(),
				n.get("severity").asText(), n.path("region_scope").asText("export"), List.copyOf(params),
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

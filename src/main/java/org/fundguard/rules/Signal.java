package org.fundguard.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One signal as other modules read it (an audit case takes a lead's signals as its evidence), so that they need not
 * know the signals index's field names.
 *
 * @param from first day of the window the rule looked at (yyyy-MM-dd)
 * @param money the fund money involved, if the rule measures it
 * @param lineRefs the fee lines the signal names (settlement id and line number), empty for a settlement-level rule
 * @param settlementIds the settlements the signal names
 */
public record Signal(String ruleId, String subjectKey, String from, String to, BigDecimal money, String description,
		List<String> lineRefs, List<String> settlementIds) {

	public Signal {
		lineRefs = List.copyOf(lineRefs);
		settlementIds = List.copyOf(settlementIds);
	}

	/** Rule, subject and window: what tells one signal of a lead from another. */
	public String id() {
		return ruleId + "|" + subjectKey + "|" + from + ".." + to;
	}

	static Signal of(JsonNode source) {
		return new Signal(source.path("rule_id").asText(), source.path("subject_key").asText(),
				source.path("window_from").asText(), source.path("window_to").asText(),
				source.path("money").isNumber() ? source.path("money").decimalValue() : null,
				source.path("description").asText(""), texts(source.path("line_refs")), texts(source.path("settlement_ids")));
	}

	private static List<String> texts(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(v -> out.add(v.asText()));
		return out;
	}
}

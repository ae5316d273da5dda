package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fee lines matching a query, streamed in settlement, item and line order and handed on one settlement + item at a
 * time: the subject of the line rules.
 */
final class LineGroups {

	static final String FIELDS = "[\"settlement_id\",\"line_no\",\"item_code\",\"item_name\",\"quantity\",\"unit_price\","
			+ "\"amount\",\"price_ceiling\",\"price_excess\",\"max_qty_per_visit\",\"restrict_diag\",\"requires_tag\","
			+ "\"provider_code\",\"visit_start\",\"diag_code\",\"item_date\"]";
	static final String SORT = "[{\"settlement_id\":\"asc\"},{\"item_code\":\"asc\"},{\"line_no\":\"asc\"}]";

	/** The lines of one item in one settlement. */
	record Group(String settlementId, String itemCode, List<JsonNode> lines) {

		String subjectKey() {
			return settlementId + "|" + itemCode;
		}

		JsonNode first() {
			return lines.getFirst();
		}

		List<String> lineRefs() {
			return lines.stream().map(l -> settlementId + "#" + l.path("line_no").asInt()).toList();
		}

		double sum(String field) {
			return lines.stream().mapToDouble(l -> l.path(field).asDouble()).sum();
		}

		double max(String field) {
			return lines.stream().mapToDouble(l -> l.path(field).asDouble()).max().orElse(0);
		}

		String provider() {
			return first().path("provider_code").asText();
		}

		String month() {
			return first().path("visit_start").asText().substring(0, 7);
		}
	}

	private LineGroups() {
	}

	static void scan(Searches es, String index, String query, Consumer<Group> groups) {
		List<JsonNode> current = new ArrayList<>();
		es.scan(index, query, SORT, FIELDS, line -> {
			if (!current.isEmpty() && !sameGroup(current.getFirst(), line)) {
				emit(current, groups);
			}
			current.add(line);
		});
		if (!current.isEmpty()) {
			emit(current, groups);
		}
	}

	private static boolean sameGroup(JsonNode a, JsonNode b) {
		return a.path("settlement_id").asText().equals(b.path("settlement_id").asText())
				&& a.path("item_code").asText().equals(b.path("item_code").asText());
	}

	private static void emit(List<JsonNode> lines, Consumer<Group> groups) {
		JsonNode first = lines.getFirst();
		groups.accept(new Group(first.path("settlement_id").asText(), first.path("item_code").asText(), List.copyOf(lines)));
		lines.clear();
	}

	static List<String> texts(JsonNode arrayOrText) {
		List<String> out = new ArrayList<>();
		if (arrayOrText.isArray()) {
			arrayOrText.forEach(n -> out.add(n.asText()));
		}
		else if (!arrayOrText.isMissingNode() && !arrayOrText.isNull()) {
			out.add(arrayOrText.asText());
		}
		return out;
	}
}

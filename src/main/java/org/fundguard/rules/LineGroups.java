package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * Fee lines matching a query, streamed in settlement, item and line order and handed on one settlement + item at a
 * time: the subject of the line rules.
 */
final class LineGroups {

	static final String FIELDS = Q.fields(FeeLines.SETTLEMENT_ID, FeeLines.LINE_NO, FeeLines.ITEM_CODE, FeeLines.ITEM_NAME,
			FeeLines.QUANTITY, FeeLines.UNIT_PRICE, FeeLines.AMOUNT, FeeLines.PRICE_CEILING, FeeLines.PRICE_EXCESS,
			FeeLines.MAX_QTY_PER_VISIT, FeeLines.RESTRICT_DIAG, FeeLines.REQUIRES_TAG, FeeLines.PROVIDER_CODE,
			FeeLines.VISIT_START, FeeLines.DIAG_CODE, FeeLines.ITEM_DATE);
	/** As {@link #FIELDS}, with the person's and the visit's facts that the knowledge-base rules report. */
	static final String PERSON_FIELDS = Q.fields(FeeLines.SETTLEMENT_ID, FeeLines.LINE_NO, FeeLines.ITEM_CODE, FeeLines.ITEM_NAME,
			FeeLines.QUANTITY, FeeLines.AMOUNT, FeeLines.PROVIDER_CODE, FeeLines.VISIT_START, FeeLines.ITEM_DATE, FeeLines.GENDER,
			FeeLines.AGE_AT_VISIT, FeeLines.MED_TYPE);
	static final String SORT = Q.ascending(FeeLines.SETTLEMENT_ID, FeeLines.ITEM_CODE, FeeLines.LINE_NO);

	/** The lines of one item in one settlement. */
	record Group(String settlementId, String itemCode, List<JsonNode> lines) {

		String subjectKey() {
			return settlementId + "|" + itemCode;
		}

		JsonNode first() {
			return lines.getFirst();
		}

		List<String> lineRefs() {
			return lines.stream().map(l -> settlementId + "#" + l.path(FeeLines.LINE_NO).asInt()).toList();
		}

		double sum(String field) {
			return lines.stream().mapToDouble(l -> l.path(field).asDouble()).sum();
		}

		double max(String field) {
			return lines.stream().mapToDouble(l -> l.path(field).asDouble()).max().orElse(0);
		}

		String provider() {
			return first().path(FeeLines.PROVIDER_CODE).asText();
		}

		String month() {
			return first().path(FeeLines.VISIT_START).asText().substring(0, 7);
		}
	}

	private LineGroups() {
	}

	static void scan(Searches es, String index, String query, Consumer<Group> groups) {
		scan(es, index, query, FIELDS, groups);
	}

	/** As above, reading {@code fields} of each line (they must include the sort fields). */
	static void scan(Searches es, String index, String query, String fields, Consumer<Group> groups) {
		List<JsonNode> current = new ArrayList<>();
		es.scan(index, query, SORT, fields, line -> {
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
		return a.path(FeeLines.SETTLEMENT_ID).asText().equals(b.path(FeeLines.SETTLEMENT_ID).asText())
				&& a.path(FeeLines.ITEM_CODE).asText().equals(b.path(FeeLines.ITEM_CODE).asText());
	}

	private static void emit(List<JsonNode> lines, Consumer<Group> groups) {
		JsonNode first = lines.getFirst();
		groups.accept(new Group(first.path(FeeLines.SETTLEMENT_ID).asText(), first.path(FeeLines.ITEM_CODE).asText(),
				List.copyOf(lines)));
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

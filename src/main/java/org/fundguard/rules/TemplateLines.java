package org.fundguard.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.rules.LineGroups.Group;

/**
 * The lines a line-condition rule finds, one settlement + item at a time like the shipped line rules, read with the
 * fields its conditions name so that the evidence shows the values that broke them.
 */
final class TemplateLines {

	private static final List<String> BASE = List.of(FeeLines.SETTLEMENT_ID, FeeLines.LINE_NO, FeeLines.ITEM_CODE,
			FeeLines.ITEM_NAME, FeeLines.QUANTITY, FeeLines.UNIT_PRICE, FeeLines.AMOUNT, FeeLines.PROVIDER_CODE,
			FeeLines.PERSON_ID, FeeLines.VISIT_START, FeeLines.AGE_AT_VISIT, FeeLines.GENDER, FeeLines.DIAG_CODE);

	private TemplateLines() {
	}

	static String fields(RuleTemplate template) {
		Set<String> fields = new LinkedHashSet<>(BASE);
		template.conditions().forEach(c -> fields.add(c.field()));
		return Q.fields(fields.toArray(String[]::new));
	}

	static void scan(Searches es, String index, String query, String fields, Consumer<Group> groups) {
		List<JsonNode> current = new ArrayList<>();
		es.scan(index, query, LineGroups.SORT, fields, line -> {
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
}

package org.fundguard.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.rules.LineGroups.Group;
import org.fundguard.rules.RuleTemplate.Condition;

/**
 * The line-condition template: a line of a chosen item that meets every condition is a hit, one per settlement +
 * item (e.g. a child-only item billed for a person older than 17: {@code age_at_visit gt 17}).
 */
final class LineConditionRule implements Evaluator {

	private final ClaimIndices ix;

	LineConditionRule(ClaimIndices ix) {
		this.ix = ix;
	}

	@Override
	public String name() {
		return RuleTemplate.LINE_CONDITION;
	}

	@Override
	public void evaluate(Scope scope, Consumer<Hit> hits) {
		RuleTemplate t = ComposedRules.template(scope.rule());
		Condition measured = measuredCondition(t);
		LineGroups.scan(scope.es(), ix.claims(), t.lineQuery(scope.window(), scope.regions(), FeeLines.MEDICAL_REGION), TemplateLines.fields(t),
				g -> hits.accept(hit(t, measured, g)));
	}

	static Hit hit(RuleTemplate t, Condition measured, Group g) {
		Double value = measured == null ? null : Rounding.value(g.max(measured.field()));
		Double threshold = measured == null ? null : Double.parseDouble(measured.values().getFirst());
		return new Hit(g.subjectKey(), "provider", g.provider(), value, threshold, description(t, g), List.of(g.settlementId()),
				g.lineRefs(), Rounding.money(g.sum(FeeLines.AMOUNT)), g.month());
	}

	/** The one numeric comparison of a rule, whose line value is the signal's measured value; none when it has several. */
	static Condition measuredCondition(RuleTemplate t) {
		List<Condition> numeric = t.conditions().stream().filter(c -> RuleTemplate.NUMERIC_OPS.contains(c.op())).toList();
		return numeric.size() == 1 ? numeric.getFirst() : null;
	}

	/** 儿童用药X（XA01）：规则 就诊时年龄 大于 17；本次 就诊时年龄 45. */
	static String description(RuleTemplate t, Group g) {
		Set<String> fields = new LinkedHashSet<>();
		t.conditions().forEach(c -> fields.add(c.field()));
		String actual = fields.stream()
			.map(f -> TemplateFields.label(f) + " " + String.join("、", LineGroups.texts(g.first().path(f))))
			.collect(Collectors.joining("，"));
		return g.first().path(FeeLines.ITEM_NAME).asText() + "（" + g.itemCode() + "）：条件 " + t.conditionsText()
				+ (actual.isEmpty() ? "" : "；本次 " + actual);
	}
}

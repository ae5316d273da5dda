package org.fundguard.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * The fee-line fields a composed rule may choose items by or put a condition on, with their Chinese names for forms
 * and evidence. A list, not any field of the index: a condition on a field the lines do not carry would find nothing
 * and look like a clean bill of health.
 */
final class TemplateFields {

	/** A field: numbers take comparisons, keywords take prefixes. */
	record Field(String name, String label, boolean numeric) {
	}

	/** Fields copied onto each line from its item's catalogue row, for choosing items by a catalogue column. */
	static final Map<String, Field> ITEM = fields(
			new Field(FeeLines.ITEM_CODE, "项目编码", false),
			new Field(FeeLines.ITEM_NAME, "项目名称", false),
			new Field(FeeLines.ITEM_TYPE, "项目类别", false),
			new Field(FeeLines.ITEM_TAGS, "项目标签", false),
			new Field(FeeLines.RESTRICT_DIAG, "限定诊断", false),
			new Field(FeeLines.REQUIRES_TAG, "需同时收取的项目标签", false));

	/** Fields of the line, its settlement and its person, for conditions. */
	static final Map<String, Field> CONDITION = fields(
			new Field(FeeLines.AGE_AT_VISIT, "就诊时年龄", true),
			new Field(FeeLines.GENDER, "性别", false),
			new Field(FeeLines.MED_TYPE, "医疗类别", false),
			new Field(FeeLines.DIAG_CODE, "诊断编码", false),
			new Field(FeeLines.DIAG3, "诊断编码前三位", false),
			new Field(FeeLines.QUANTITY, "数量", true),
			new Field(FeeLines.UNIT_PRICE, "单价", true),
			new Field(FeeLines.AMOUNT, "金额", true),
			new Field(FeeLines.PROVIDER_TYPE, "机构类型", false),
			new Field(FeeLines.PROVIDER_LEVEL, "机构等级", false),
			new Field(FeeLines.PROVIDER_REGION, "机构所在区划", false),
			new Field(FeeLines.INSURANCE_TYPE, "险种", false),
			new Field(FeeLines.INSURED_REGION, "参保地", false),
			new Field(FeeLines.MEDICAL_REGION, "就医地", false),
			new Field(FeeLines.ITEM_TYPE, "项目类别", false),
			new Field(FeeLines.ITEM_TAGS, "项目标签", false));

	private TemplateFields() {
	}

	private static Map<String, Field> fields(Field... fields) {
		Map<String, Field> out = new LinkedHashMap<>();
		for (Field f : fields) {
			out.put(f.name(), f);
		}
		return java.util.Collections.unmodifiableMap(out);
	}

	static String label(String field) {
		Field f = CONDITION.containsKey(field) ? CONDITION.get(field) : ITEM.get(field);
		return f == null ? field : f.label();
	}
}

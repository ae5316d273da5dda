package org.fundguard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.errors.Refused;

/**
 * The workbench's form for composing a rule, turned into the definition JSON the check and the engine read (and back,
 * to edit the next version). Lists are typed as text, one value per line or separated by commas; conditions come as
 * parallel lists of field, operation and values, one per row of the form.
 */
record RuleForm(String template, String id, String nameZh, String nameEn, String regulation, String article,
		String basisText, String severity, String itemsBy, String itemsField, String items, List<String> condField,
		List<String> condOp, List<String> condValues, String per, String period, String measure, String metric,
		String limit, String zThreshold, String minSettlements, String minPeerGroup, String falsePositives, String note,
		LocalDate from, LocalDate to) {

	static final String REGULATION = "《医疗保障基金使用监督管理条例》(国务院令第735号)";
	static final String BASIS_TEXT = "定点医药机构违规使用医保基金（将不属于医保基金支付范围的费用纳入结算）";
	/** Rows of conditions the form offers. */
	static final int CONDITION_ROWS = 3;

	private static final ObjectMapper JSON = new ObjectMapper();

	RuleForm {
		condField = condField == null ? List.of() : condField;
		condOp = condOp == null ? List.of() : condOp;
		condValues = condValues == null ? List.of() : condValues;
	}

	/** An empty form for a template, with the defaults a new rule starts from. */
	static RuleForm blank(String template, LocalDate from, LocalDate to) {
		String kind = RuleTemplate.KINDS.contains(template) ? template : RuleTemplate.LINE_CONDITION;
		return new RuleForm(kind, "", "", "", REGULATION, "38", BASIS_TEXT, "medium", "code", "", "", List.of(), List.of(),
				List.of(), "person", "day", "lines", "share", "1", "3.5", "30", "5", "", "", from, to);
	}

	/** The form of a published definition, to edit its next version. */
	static RuleForm of(JsonNode d, LocalDate from, LocalDate to) {
		JsonNode t = d.path("evaluator").path("template");
		List<String> fields = new ArrayList<>();
		List<String> ops = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (JsonNode c : t.path("conditions")) {
			fields.add(c.path("field").asText());
			ops.add(c.path("op").asText());
			values.add(String.join(", ", LineGroups.texts(c.path("values"))));
		}
		return new RuleForm(d.path("evaluator").path("java").asText(), d.path("id").asText(), d.path("name_zh").asText(),
				d.path("name_en").asText(), d.at("/legal_basis/regulation").asText(), d.at("/legal_basis/article").asText(""),
				d.at("/legal_basis/text").asText(), d.path("severity").asText(), t.at("/items/by").asText(),
				t.at("/items/field").asText(""), String.join("\n", LineGroups.texts(t.at("/items/values"))), fields, ops, values,
				t.path("per").asText("person"), t.path("period").asText("day"), t.path("measure").asText("lines"),
				t.path("metric").asText("share"), parameter(d, "limit", "1"), parameter(d, "z_threshold", "3.5"),
				parameter(d, "min_settlements", "30"), parameter(d, "min_peer_group", "5"), d.path("false_positives").asText(""),
				"", from, to);
	}

	private static String parameter(JsonNode d, String name, String otherwise) {
		for (JsonNode p : d.path("parameters")) {
			if (name.equals(p.path("name").asText())) {
				return Rounding.text(p.path("default").asDouble());
			}
		}
		return otherwise;
	}

	/** The condition rows to show: the filled ones, then empty ones up to {@link #CONDITION_ROWS}. */
	public List<Integer> rows() {
		int n = Math.max(CONDITION_ROWS, condField.size());
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(i);
		}
		return out;
	}

	public String cell(List<String> column, int row) {
		return row < column.size() && column.get(row) != null ? column.get(row) : "";
	}

	/** The definition the form describes; its version is set when it is published. */
	ObjectNode definition() {
		ObjectNode d = JSON.createObjectNode();
		d.put("id", trim(id));
		d.put("version", 1);
		d.put("name_zh", trim(nameZh));
		d.put("name_en", trim(nameEn).isEmpty() ? trim(id) : trim(nameEn));
		ObjectNode basis = d.putObject("legal_basis");
		basis.put("regulation", trim(regulation));
		if (!trim(article).isEmpty()) {
			try {
				basis.put("article", Integer.parseInt(trim(article)));
			}
			catch (NumberFormatException e) {
				throw Refused.because("rules.library.field.not-whole", "legal_basis.article", trim(article));
			}
		}
		basis.put("text", trim(basisText));
		d.put("subject_type", DefinitionCheck.subjectOf(trim(template)));
		d.put("severity", trim(severity));
		d.put("region_scope", DefinitionCheck.regionScopeOf(trim(template)));
		parameters(d.putArray("parameters"));
		ObjectNode evaluator = d.putObject("evaluator");
		evaluator.put("java", template);
		ObjectNode t = evaluator.putObject("template");
		ObjectNode chosen = t.putObject("items");
		chosen.put("by", trim(itemsBy));
		if ("field".equals(trim(itemsBy))) {
			chosen.put("field", trim(itemsField));
		}
		List<String> codes = split(items);
		if (codes.isEmpty()) {
			throw Refused.because("rules.library.form.items");
		}
		codes.forEach(chosen.putArray("values")::add);
		ArrayNode conditions = JSON.createArrayNode();
		for (int i = 0; i < condField.size(); i++) {
			String field = cell(condField, i).strip();
			String op = cell(condOp, i).strip();
			List<String> values = split(cell(condValues, i));
			if (field.isEmpty() && values.isEmpty()) {
				continue;
			}
			if (field.isEmpty() || op.isEmpty() || values.isEmpty()) {
				throw Refused.because("rules.library.form.condition", i + 1);
			}
			ObjectNode c = conditions.addObject().put("field", field).put("op", op);
			values.forEach(c.putArray("values")::add);
		}
		if (!conditions.isEmpty() || RuleTemplate.LINE_CONDITION.equals(template)) {
			t.set("conditions", conditions);
		}
		if (RuleTemplate.PERIOD_COUNT.equals(template)) {
			t.put("per", trim(per)).put("period", trim(period)).put("measure", trim(measure));
		}
		if (RuleTemplate.PEER_SHARE.equals(template)) {
			t.put("metric", trim(metric));
		}
		if (!trim(falsePositives).isEmpty()) {
			d.put("false_positives", trim(falsePositives));
		}
		return d;
	}

	private void parameters(ArrayNode params) {
		if (RuleTemplate.PERIOD_COUNT.equals(template)) {
			params.addObject().put("name", "limit").put("default", number(limit, "parameters[0].default")).put("min", 0)
				.put("integer", !"quantity".equals(trim(measure))).put("unit", trim(measure))
				.put("description", "超过此值为违规 / above this is a hit");
		}
		if (RuleTemplate.PEER_SHARE.equals(template)) {
			params.addObject().put("name", "z_threshold").put("default", number(zThreshold, "parameters[0].default")).put("min", 0)
				.put("unit", "robust z").put("description", "稳健Z值高于此值为异常 / robust z above this is an outlier");
			params.addObject().put("name", "min_settlements").put("default", number(minSettlements, "parameters[1].default"))
				.put("min", 1).put("integer", true).put("unit", "settlements")
				.put("description", "窗口内结算数不少于此值的机构才评分 / providers with fewer settlements in the window are not scored");
			params.addObject().put("name", "min_peer_group").put("default", number(minPeerGroup, "parameters[2].default"))
				.put("min", 2).put("integer", true).put("unit", "providers")
				.put("description", "同类同级机构少于此数不评分 / peer groups smaller than this are not scored");
		}
	}

	private static double number(String value, String path) {
		return DefinitionCheck.number(trim(value), path);
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}

	/** Values typed one per line or separated by commas (also the Chinese ones). */
	static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,，、;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** The strict check of composed rules' definitions: each refusal names the field, in Chinese. */
class DefinitionCheckTest {

	static final ObjectMapper JSON = new ObjectMapper();

	/** A child-only item: a line of it for a person older than 17 is a hit. */
	static ObjectNode childOnly(String id, String item) {
		ObjectNode d = JSON.createObjectNode();
		d.put("id", id).put("version", 1).put("name_zh", "儿童专用项目用于成人").put("name_en", "Child-only item billed for an adult");
		d.putObject("legal_basis").put("regulation", RuleForm.REGULATION).put("article", 38).put("text", RuleForm.BASIS_TEXT);
		d.put("subject_type", "settlement+item").put("severity", "medium").put("region_scope", "medical_region");
		d.putArray("parameters");
		ObjectNode t = d.putObject("evaluator").put("java", "LineCondition").putObject("template");
		t.putObject("items").put("by", "code").putArray("values").add(item);
		ObjectNode c = t.putArray("conditions").addObject().put("field", "age_at_visit").put("op", "gt");
		c.putArray("values").add("17");
		return d;
	}

	static ObjectNode periodCount() {
		ObjectNode d = childOnly("dialysis-per-day", "001104000010000");
		d.put("subject_type", "person");
		((ObjectNode) d.path("evaluator")).put("java", "PeriodCount");
		ObjectNode t = (ObjectNode) d.at("/evaluator/template");
		t.remove("conditions");
		t.put("per", "person").put("period", "day").put("measure", "lines");
		d.putArray("parameters").addObject().put("name", "limit").put("default", 1).put("min", 0).put("integer", true);
		return d;
	}

	private static Refused refused(ObjectNode d) {
		try {
			DefinitionCheck.check(d);
		}
		catch (Refused r) {
			return r;
		}
		throw new AssertionError("accepted: " + d);
	}

	@Test
	void aCompleteDefinitionOfEachTemplatePasses() {
		DefinitionCheck.Checked line = DefinitionCheck.check(childOnly("child-only-x", "XA01"));
		assertThat(line.rule().evaluator()).isEqualTo("LineCondition");
		assertThat(line.template().conditions()).singleElement().satisfies(c -> assertThat(c.text()).isEqualTo("就诊时年龄 大于 17"));
		DefinitionCheck.Checked period = DefinitionCheck.check(periodCount());
		assertThat(period.template().period()).isEqualTo("day");
		assertThat(period.rule().parameter("limit").defaultValue()).isEqualTo(1.0);
	}

	@Test
	void unknownFieldsAreRefusedNamingThem() {
		ObjectNode d = childOnly("child-only-x", "XA01");
		d.put("colour", "red");
		assertThat(refused(d).getMessage()).contains("colour").contains("不认识");
		ObjectNode c = childOnly("child-only-x", "XA01");
		((ObjectNode) c.at("/evaluator/template/conditions/0")).put("unit", "years");
		assertThat(refused(c).getMessage()).contains("evaluator.template.conditions[0].unit");
	}

	@Test
	void missingAndWronglyTypedFieldsAreNamed() {
		ObjectNode d = childOnly("child-only-x", "XA01");
		d.remove("name_zh");
		assertThat(refused(d).getMessage()).isEqualTo("规则定义缺少字段 name_zh");
		ObjectNode v = childOnly("child-only-x", "XA01");
		v.put("version", "2");
		assertThat(refused(v).getMessage()).contains("version");
		ObjectNode s = childOnly("child-only-x", "XA01");
		s.put("severity", "critical");
		assertThat(refused(s).getMessage()).isEqualTo("规则定义字段 severity 的值“critical”无效，可选：high、medium、low");
	}

	@Test
	void theIdNameAndSubjectAreHeldToTheirRules() {
		assertThat(refused(childOnly("X", "XA01")).key()).isEqualTo("rules.library.id.format");
		ObjectNode english = childOnly("child-only-x", "XA01");
		english.put("name_zh", "child only");
		assertThat(refused(english).key()).isEqualTo("rules.library.name.chinese");
		ObjectNode subject = childOnly("child-only-x", "XA01");
		subject.put("subject_type", "person");
		assertThat(refused(subject).getMessage()).contains("subject_type", "settlement+item");
	}

	@Test
	void conditionsAreCheckedAgainstTheFieldsType() {
		ObjectNode prefixOnAge = childOnly("child-only-x", "XA01");
		((ObjectNode) prefixOnAge.at("/evaluator/template/conditions/0")).put("op", "prefix");
		assertThat(refused(prefixOnAge).getMessage()).contains("evaluator.template.conditions[0].op", "就诊时年龄");
		ObjectNode notANumber = childOnly("child-only-x", "XA01");
		((ArrayNode) notANumber.at("/evaluator/template/conditions/0/values")).removeAll().add("seventeen");
		assertThat(refused(notANumber).getMessage()).contains("evaluator.template.conditions[0].values[0]", "seventeen");
		ObjectNode twoValues = childOnly("child-only-x", "XA01");
		((ArrayNode) twoValues.at("/evaluator/template/conditions/0/values")).add("18");
		assertThat(refused(twoValues).key()).isEqualTo("rules.library.condition.one-value");
		ObjectNode unknownField = childOnly("child-only-x", "XA01");
		((ObjectNode) unknownField.at("/evaluator/template/conditions/0")).put("field", "salary");
		assertThat(refused(unknownField).getMessage()).contains("conditions[0].field", "salary");
		ObjectNode none = childOnly("child-only-x", "XA01");
		((ArrayNode) none.at("/evaluator/template/conditions")).removeAll();
		assertThat(refused(none).getMessage()).contains("evaluator.template.conditions");
	}

	@Test
	void templatesNeedTheirParametersAndNoOthers() {
		ObjectNode d = periodCount();
		d.putArray("parameters");
		assertThat(refused(d).getMessage()).contains("limit");
		ObjectNode extra = periodCount();
		((ArrayNode) extra.path("parameters")).addObject().put("name", "z_threshold").put("default", 3);
		assertThat(refused(extra).getMessage()).contains("parameters[1].name", "z_threshold");
		ObjectNode belowMin = periodCount();
		((ObjectNode) belowMin.at("/parameters/0")).put("default", -1);
		assertThat(refused(belowMin).key()).isEqualTo("rules.parameter.below-minimum");
		ObjectNode noPeriod = periodCount();
		((ObjectNode) noPeriod.at("/evaluator/template")).put("period", "year");
		assertThat(refused(noPeriod).getMessage()).contains("evaluator.template.period", "year");
	}

	@Test
	void theEvaluatorMustBeATemplate() {
		ObjectNode d = childOnly("child-only-x", "XA01");
		((ObjectNode) d.path("evaluator")).put("java", "PriceOverCeiling");
		assertThat(refused(d).getMessage()).contains("evaluator.java", "LineCondition");
	}

	@Test
	void notJsonIsRefusedWithItsPlace() {
		assertThatThrownBy(() -> RuleLibrary.parse("{\n \"id\": ]")).isInstanceOfSatisfying(Refused.class,
				r -> assertThat(r.getMessage()).startsWith("规则定义不是有效的 JSON：第 2 行"));
	}
}

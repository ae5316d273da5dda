package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** The workbench form becomes a definition that passes the check, and a definition becomes the form to edit. */
class RuleFormTest {

	static final LocalDate FROM = LocalDate.of(2021, 1, 1);
	static final LocalDate TO = LocalDate.of(2021, 12, 31);

	private static RuleForm childOnly(String items, List<String> fields, List<String> ops, List<String> values) {
		RuleForm b = RuleForm.blank("LineCondition", FROM, TO);
		return new RuleForm(b.template(), "child-only-xa01", "儿童专用药品用于成人", "", b.regulation(), b.article(), b.basisText(),
				"high", "code", "", items, fields, ops, values, b.per(), b.period(), b.measure(), b.metric(), b.limit(),
				b.zThreshold(), b.minSettlements(), b.minPeerGroup(), "", "", FROM, TO);
	}

	@Test
	void anEmptyFormIsRefusedInChineseNotAServerError() {
		RuleForm empty = new RuleForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null);
		assertThatThrownBy(() -> DefinitionCheck.check(empty.definition())).isInstanceOf(Refused.class);
	}

	@Test
	void aFilledLineConditionFormIsAValidDefinition() {
		RuleForm form = childOnly("XA01，XA02\nXA03", List.of("age_at_visit", ""), List.of("gt", "eq"), List.of("17", ""));
		DefinitionCheck.Checked checked = DefinitionCheck.check(form.definition());
		assertThat(checked.template().items().values()).containsExactly("XA01", "XA02", "XA03");
		assertThat(checked.template().conditions()).singleElement()
			.isEqualTo(new RuleTemplate.Condition("age_at_visit", "gt", List.of("17")));
		assertThat(checked.rule().nameEn()).as("the id when no English name is given").isEqualTo("child-only-xa01");
		assertThat(checked.rule().article()).isEqualTo(38);
		assertThat(checked.rule().severity()).isEqualTo("high");
	}

	@Test
	void aDefinitionGivesBackItsForm() {
		RuleForm form = childOnly("XA01", List.of("age_at_visit", "gender"), List.of("gt", "ne"), List.of("17", "2"));
		RuleForm again = RuleForm.of(form.definition(), FROM, TO);
		assertThat(again.definition()).isEqualTo(form.definition());
		assertThat(again.rows()).hasSize(RuleForm.CONDITION_ROWS);
	}

	@Test
	void aPeriodAndAPeerFormCarryTheirParameters() {
		RuleForm b = RuleForm.blank("PeriodCount", FROM, TO);
		RuleForm period = new RuleForm("PeriodCount", "dialysis-daily", "透析每日多次", "", b.regulation(), "", b.basisText(),
				"medium", "tag", "", "dialysis", List.of(), List.of(), List.of(), "person+provider", "week", "days", "share", "3",
				"3.5", "30", "5", "", "", FROM, TO);
		DefinitionCheck.Checked checked = DefinitionCheck.check(period.definition());
		assertThat(checked.rule().parameter("limit").defaultValue()).isEqualTo(3.0);
		assertThat(checked.rule().parameter("limit").integer()).isTrue();
		assertThat(checked.rule().article()).isNull();
		assertThat(checked.template().period()).isEqualTo("week");
		RuleForm peer = new RuleForm("PeerShare", "ct-share", "CT检查占比畸高", "", b.regulation(), "38", b.basisText(), "low",
				"field", "item_type", "service", List.of(), List.of(), List.of(), "", "", "", "amount_per_settlement", "", "4",
				"50", "6", "", "", FROM, TO);
		DefinitionCheck.Checked p = DefinitionCheck.check(peer.definition());
		assertThat(p.rule().regionScope()).isEqualTo("provider_region");
		assertThat(p.rule().parameter("min_peer_group").defaultValue()).isEqualTo(6.0);
		assertThat(p.template().items().lineField()).isEqualTo("item_type");
	}

	@Test
	void anEmptyItemListOrAHalfFilledConditionIsRefused() {
		assertThatThrownBy(() -> childOnly(" ", List.of("age_at_visit"), List.of("gt"), List.of("17")).definition())
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("rules.library.form.items"));
		assertThatThrownBy(() -> childOnly("XA01", List.of("age_at_visit", "gender"), List.of("gt", "eq"), List.of("17", ""))
			.definition()).hasMessage("第 2 个条件不完整：请同时选择字段、运算并填写值");
	}
}

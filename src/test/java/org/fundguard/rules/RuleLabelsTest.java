package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages show the rules' codes in Chinese: every subject of the catalogue has a label, rule ids become names. */
class RuleLabelsTest {

	private final RuleCatalogue catalogue = new RuleCatalogue();
	private final RuleLabels labels = new RuleLabels(catalogue);

	@Test
	void everySubjectOfTheCatalogueIsShownInChinese() {
		assertThat(catalogue.all()).isNotEmpty().allSatisfy(rule ->
				assertThat(labels.subject(rule.subjectType())).as(rule.id()).doesNotContainPattern("[A-Za-z]"));
		assertThat(labels.subject("person+iso_week")).isEqualTo("参保人员 + 自然周");
	}

	@Test
	void aLeadsRulesAndStatusReadInChinese() {
		assertThat(labels.names("price-over-ceiling,restricted-diagnosis")).isEqualTo("超标准收费（单价超过限价）、限定支付范围用药/项目与诊断不符");
		assertThat(labels.party("provider", "H37030300037")).isEqualTo("机构 H37030300037");
		assertThat(labels.status("OPEN")).isEqualTo("待处理");
		assertThat(labels.status("COMPLETED")).isEqualTo("已完成");
		assertThat(labels.signalRef("price-over-ceiling|H37030300011|2021-10-01..2021-10-31"))
			.isEqualTo("H37030300011|2021-10-01..2021-10-31");
	}

	@Test
	void pagesShowTheChineseHalfOfTheRuleFilesBilingualTexts() {
		assertThat(labels.chinese("单价超出限价的容差（元）/ tolerance above the ceiling, in yuan")).isEqualTo("单价超出限价的容差（元）");
		assertThat(labels.chinese("稳健Z值高于此值为异常 / robust z above this is an outlier")).isEqualTo("稳健Z值高于此值为异常");
		assertThat(labels.chinese("只看主诊断（diag_code）：会误报。Only the principal diagnosis is read.")).isEqualTo("只看主诊断（diag_code）：会误报。");
		assertThat(labels.chinese("3 条规则全部完成 / all rules ran")).isEqualTo("3 条规则全部完成");
	}
}

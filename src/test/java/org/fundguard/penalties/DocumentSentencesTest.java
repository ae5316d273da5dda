package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentSentencesTest {

	@Test
	void aUsersClosingPunctuationGivesWayToTheDocuments() {
		assertThat(DocumentSentences.clause("违反第三十八条。")).isEqualTo("违反第三十八条");
		assertThat(DocumentSentences.clause("重复收费； ")).isEqualTo("重复收费");
		assertThat(DocumentSentences.sentence("放弃陈述申辩。")).isEqualTo("放弃陈述申辩。");
		assertThat(DocumentSentences.sentence("放弃陈述申辩")).isEqualTo("放弃陈述申辩。");
		assertThat(DocumentSentences.sentence("放弃陈述申辩。。")).isEqualTo("放弃陈述申辩。");
		assertThat(DocumentSentences.sentence("确认无误！")).isEqualTo("确认无误。");
		assertThat(DocumentSentences.clause(null)).isNull();
	}
}

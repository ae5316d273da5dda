package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class QTest {

	@Test
	void idsCodesAndDatesAreQuotedAsTheyAre() {
		assertThat(Q.str("P0001234")).isEqualTo("\"P0001234\"");
		assertThat(Q.str("2026-03-02")).isEqualTo("\"2026-03-02\"");
		assertThat(Q.str("")).isEqualTo("\"\"");
	}

	@Test
	void quotesBackslashesControlAndNonAsciiCharactersAreEscapedAsJacksonDoes() {
		for (String s : new String[] { "a\"b", "a\\b", "a\nb", "tab\there", "\u0001", "住院", "x\u007f" }) {
			assertThat(Q.str(s)).as(s).isEqualTo(TextNode.valueOf(s).toString());
		}
	}

	@Test
	void termsListsEveryValueQuoted() {
		assertThat(Q.terms("person_id", java.util.List.of("P1", "P\"2"))).isEqualTo("{\"terms\":{\"person_id\":[\"P1\",\"P\\\"2\"]}}");
	}

	@Test
	void sortsSourceListsAndAggregationsAreWrittenAsElasticsearchReadsThem() {
		assertThat(Q.ascending("settlement_id", "line_no")).isEqualTo("[{\"settlement_id\":\"asc\"},{\"line_no\":\"asc\"}]");
		assertThat(Q.fields("settlement_id", "item_tags")).isEqualTo("[\"settlement_id\",\"item_tags\"]");
		assertThat(Q.termsSource("p", "provider_code")).isEqualTo("{\"p\":{\"terms\":{\"field\":\"provider_code\"}}}");
		assertThat(Q.termsSourceOrMissing("l", "provider_level"))
			.isEqualTo("{\"l\":{\"terms\":{\"field\":\"provider_level\",\"missing_bucket\":true}}}");
		assertThat(Q.sum("fund_paid")).isEqualTo("{\"sum\":{\"field\":\"fund_paid\"}}");
		assertThat(Searches.names(Q.ascending("a", "b"))).containsExactly("a", "b");
		assertThat(Searches.names(Q.fields("a", "b"))).containsExactly("a", "b");
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SearchesTest {

	@Test
	void theNextPageStartsAfterTheLastHitsOwnValuesInSortOrder() throws Exception {
		var source = new ObjectMapper().readTree("{\"settlement_id\":\"S9\",\"person_id\":\"P1\",\"visit_start\":\"2026-03-02\",\"line_no\":3}");
		assertThat(Searches.after(source, Searches.names("[{\"person_id\":\"asc\"},{\"visit_start\":\"asc\"},{\"settlement_id\":\"asc\"}]")))
			.isEqualTo("[\"P1\",\"2026-03-02\",\"S9\"]");
		assertThat(Searches.after(source, Searches.names("[{\"line_no\":\"asc\"}]"))).isEqualTo("[3]");
	}

	@Test
	void aSortFieldWithoutOneValueIsRefusedRatherThanSkippingHits() throws Exception {
		var source = new ObjectMapper().readTree("{\"settlement_id\":\"S9\",\"tags\":[\"a\",\"b\"]}");
		assertThatThrownBy(() -> Searches.after(source, Searches.names("[{\"person_id\":\"asc\"}]")))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("person_id");
		assertThatThrownBy(() -> Searches.after(source, Searches.names("[{\"tags\":\"asc\"}]")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void fieldNamesOfASortAndOfASourceList() {
		assertThat(Searches.names("[{\"id_hash\":\"asc\"},{\"person_id\":\"desc\"}]")).containsExactly("id_hash", "person_id");
		assertThat(Searches.names("[\"settlement_id\",\"person_id\"]")).containsExactly("settlement_id", "person_id");
	}
}

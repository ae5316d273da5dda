package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.fundguard.elastic.ElasticJson;
import org.junit.jupiter.api.Test;

/** Before the first load the claims indices do not exist: the directory then knows nobody, and says so without failing. */
class ClaimsDirectoryTest {

	@Test
	void beforeTheFirstLoadTheDirectoryIsEmpty() {
		ElasticJson elastic = mock(ElasticJson.class);
		when(elastic.send(anyString(), anyString(), any())).thenReturn(null);
		ClaimIndices indices = mock(ClaimIndices.class);
		when(indices.providers()).thenReturn("fundguard-providers");
		when(indices.persons()).thenReturn("fundguard-persons");
		ClaimsDirectory directory = new ClaimsDirectory(elastic, indices);

		assertThat(directory.provider("H37030300011")).isEmpty();
		assertThat(directory.searchProviders("医院", 10)).isEmpty();
		assertThat(directory.providersIn(List.of("37"), List.of(), List.of())).isEmpty();
		assertThat(directory.person("P1")).isEmpty();
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The catalogue merges the published rules with the shipped ones, and reads them again after a publish. */
class ComposedCatalogueTest {

	private static RuleVersions.Version version(String id, int n, String json) {
		return new RuleVersions.Version(id, n, json, null, "analyst1", OffsetDateTime.now(), null);
	}

	@Test
	void composedRulesJoinTheShippedOnesAndABadRowHidesNothingElse() {
		RuleVersions versions = mock(RuleVersions.class);
		String childOnly = DefinitionCheckTest.childOnly("child-only-x", "XA01").put("version", 3).toString();
		when(versions.latest()).thenReturn(List.of(version("child-only-x", 3, childOnly), version("broken", 1, "{not json"),
				version("after-death", 2, childOnly.replace("child-only-x", "after-death"))));
		RuleCatalogue catalogue = new RuleCatalogue(versions);

		assertThat(catalogue.find("child-only-x")).hasValueSatisfying(r -> {
			assertThat(r.version()).isEqualTo(3);
			assertThat(r.evaluator()).isEqualTo("LineCondition");
		});
		assertThat(catalogue.shipped("child-only-x")).isFalse();
		assertThat(catalogue.find("after-death")).as("shipped rules are not replaced from the database")
			.hasValueSatisfying(r -> assertThat(r.evaluator()).isEqualTo("AfterDeath"));
		assertThat(catalogue.all()).extracting(RuleDefinition::id).doesNotContain("broken").contains("readmission");
	}

	@Test
	void theComposedRulesAreCachedUntilAPublish() {
		RuleVersions versions = mock(RuleVersions.class);
		when(versions.latest()).thenReturn(List.of());
		RuleCatalogue catalogue = new RuleCatalogue(versions);
		catalogue.all();
		catalogue.find("x");
		verify(versions, times(1)).latest();

		String json = DefinitionCheckTest.childOnly("child-only-y", "XA02").toString();
		when(versions.latest()).thenReturn(List.of(version("child-only-y", 1, json)));
		catalogue.published(new RulePublished("child-only-y", 1));
		assertThat(catalogue.find("child-only-y")).isPresent();
		verify(versions, times(2)).latest();
	}
}

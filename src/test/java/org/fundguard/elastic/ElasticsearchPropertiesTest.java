package org.fundguard.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The node list of FUNDGUARD_ES_URL and the per-index shard settings. */
class ElasticsearchPropertiesTest {

	@Test
	void oneUrlIsOneNode() {
		assertThat(ElasticsearchProperties.urls("http://localhost:9200")).containsExactly(URI.create("http://localhost:9200"));
	}

	@Test
	void aCommaSeparatedListIsEveryNodeInOrderWithBlanksTrailingSlashesAndRepeatsDropped() {
		assertThat(ElasticsearchProperties.urls(" http://es1:9211/, http://es2:9212 ,,http://es3:9213,http://es1:9211"))
			.containsExactly(URI.create("http://es1:9211"), URI.create("http://es2:9212"), URI.create("http://es3:9213"));
	}

	@Test
	void anAddressWithoutSchemeOrHostOrAnEmptyListIsRefusedNamingIt() {
		assertThatThrownBy(() -> ElasticsearchProperties.urls("localhost:9200")).hasMessageContaining("localhost:9200");
		assertThatThrownBy(() -> ElasticsearchProperties.urls("ftp://es1:21")).hasMessageContaining("ftp://es1:21");
		assertThatThrownBy(() -> ElasticsearchProperties.urls(" , ")).hasMessageContaining("names no node");
		assertThatThrownBy(() -> ElasticsearchProperties.urls("")).hasMessageContaining("is empty");
	}

	@Test
	void theSingleNodeDefaultsAreOneShardNoReplicaNoYearlyIndex() {
		var p = new ElasticsearchProperties("http://localhost:9200", "fundguard", Duration.ofSeconds(3), Duration.ofSeconds(60));
		assertThat(p.shardsOf("claims")).isEqualTo(1);
		assertThat(p.replicas()).isZero();
		assertThat(p.isYearly("claims")).isFalse();
		assertThat(p.urls()).hasSize(1);
	}

	@Test
	void anIndexMayHaveMoreShardsThanTheOthers() {
		var p = new ElasticsearchProperties("http://a:1,http://b:2", "x", Duration.ofSeconds(3), Duration.ofSeconds(60), 2, 1,
				Map.of("claims", 6), Set.of(" claims ", ""));
		assertThat(p.shardsOf("claims")).isEqualTo(6);
		assertThat(p.shardsOf("items")).isEqualTo(2);
		assertThat(p.isYearly("claims")).isTrue();
		assertThat(p.isYearly("settlements")).isFalse();
	}

	@Test
	void noShardOrNegativeReplicasIsRefused() {
		assertThatThrownBy(() -> new ElasticsearchProperties("http://a:1", "x", Duration.ofSeconds(3), Duration.ofSeconds(60), 0, 0,
				null, null)).hasMessageContaining("shards");
		assertThatThrownBy(() -> new ElasticsearchProperties("http://a:1", "x", Duration.ofSeconds(3), Duration.ofSeconds(60), 1, -1,
				null, null)).hasMessageContaining("replicas");
	}
}

package org.fundguard.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Red means some claims cannot be searched; yellow is the normal state of a single-node installation. */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

	private final ElasticsearchClient client;
	private final ElasticsearchProperties properties;

	ElasticsearchHealthIndicator(ElasticsearchClient client, ElasticsearchProperties properties) {
		super("Elasticsearch is not reachable");
		this.client = client;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		HealthResponse health = client.cluster().health();
		builder.withDetail("url", properties.url())
			.withDetail("cluster", health.clusterName())
			.withDetail("status", health.status().jsonValue())
			.withDetail("nodes", health.numberOfNodes());
		if (health.status() == HealthStatus.Red) {
			builder.down();
		}
		else {
			builder.up();
		}
	}
}

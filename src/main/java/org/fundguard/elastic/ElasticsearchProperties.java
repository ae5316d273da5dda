package org.fundguard.elastic;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The claims index's Elasticsearch node.
 *
 * @param url the node's HTTP address
 * @param indexPrefix put before every index and alias name, so that tests and several installations can share a node
 * @param connectTimeout how long to wait for a connection before reporting Elasticsearch unreachable
 * @param socketTimeout how long one request may take
 */
@ConfigurationProperties("fundguard.elasticsearch")
public record ElasticsearchProperties(String url, @DefaultValue("fundguard") String indexPrefix,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("60s") Duration socketTimeout) {

	/** The full name of an index or alias, e.g. {@code claims} becomes {@code fundguard-claims}. */
	public String name(String index) {
		return indexPrefix + "-" + index;
	}
}

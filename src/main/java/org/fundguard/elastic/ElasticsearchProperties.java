package org.fundguard.elastic;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FundGuard's Elasticsearch: one node or a cluster.
 *
 * @param url the nodes' HTTP addresses, comma-separated ({@code http://es1:9200,http://es2:9200}); requests are spread
 *        over them and go to another when one does not answer
 * @param indexPrefix put before every index and alias name, so that tests and several installations can share a node
 * @param connectTimeout how long to wait for a connection before reporting Elasticsearch unreachable
 * @param socketTimeout how long one request may take
 * @param shards primary shards of every index FundGuard creates (1: one node; see docs/scale.md for more)
 * @param replicas copies of each shard on other nodes (0 on one node; 1 in a cluster, so that losing a data node loses
 *        nothing)
 * @param indexShards primary shards for some indices instead of {@code shards}, by the template's name (e.g.
 *        {@code claims: 6}); the large ones want more than the catalogue does
 * @param yearly indices split by settlement year behind their alias (e.g. {@code claims} gives
 *        {@code fundguard-claims-2025}, {@code fundguard-claims-2026}), so that an old year can be moved to cheaper
 *        nodes by its own allocation setting; empty: one versioned index each
 */
@ConfigurationProperties("fundguard.elasticsearch")
public record ElasticsearchProperties(String url, @DefaultValue("fundguard") String indexPrefix,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("60s") Duration socketTimeout,
		@DefaultValue("1") int shards, @DefaultValue("0") int replicas, Map<String, Integer> indexShards,
		Set<String> yearly) {

	@ConstructorBinding
	public ElasticsearchProperties {
		if (shards < 1) {
			throw new IllegalArgumentException("fundguard.elasticsearch.shards must be at least 1, not " + shards);
		}
		if (replicas < 0) {
			throw new IllegalArgumentException("fundguard.elasticsearch.replicas must not be negative, not " + replicas);
		}
		indexShards = indexShards == null ? Map.of() : Map.copyOf(indexShards);
		yearly = yearly == null ? Set.of() : Set.copyOf(yearly.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
	}

	/** One node, one shard, no replica, one index per name: what a single-node installation and most tests use. */
	public ElasticsearchProperties(String url, String indexPrefix, Duration connectTimeout, Duration socketTimeout) {
		this(url, indexPrefix, connectTimeout, socketTimeout, 1, 0, Map.of(), Set.of());
	}

	/** The full name of an index or alias, e.g. {@code claims} becomes {@code fundguard-claims}. */
	public String name(String index) {
		return indexPrefix + "-" + index;
	}

	/** The primary shards of the named index's template. */
	public int shardsOf(String index) {
		return indexShards.getOrDefault(index, shards);
	}

	/** Whether the named index is split by settlement year. */
	public boolean isYearly(String index) {
		return yearly.contains(index);
	}

	/** The nodes of {@link #url}, in the order given. */
	public List<URI> urls() {
		return urls(url);
	}

	/**
	 * Parses a comma-separated list of node addresses: blanks around them and a trailing slash are dropped, each
	 * must be an absolute http or https address with a host, and at least one is needed.
	 */
	public static List<URI> urls(String list) {
		if (list == null || list.isBlank()) {
			throw new IllegalArgumentException("fundguard.elasticsearch.url is empty: name at least one node, e.g. http://localhost:9200");
		}
		List<URI> out = new ArrayList<>();
		for (String part : list.split(",")) {
			String text = part.strip();
			if (text.isEmpty()) {
				continue;
			}
			while (text.endsWith("/")) {
				text = text.substring(0, text.length() - 1);
			}
			URI uri;
			try {
				uri = URI.create(text);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("not an Elasticsearch address: '" + text + "'", e);
			}
			if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
					|| uri.getHost() == null) {
				throw new IllegalArgumentException("not an Elasticsearch address: '" + text + "' (http://host:port expected)");
			}
			if (!out.contains(uri)) {
				out.add(uri);
			}
		}
		if (out.isEmpty()) {
			throw new IllegalArgumentException("fundguard.elasticsearch.url names no node: '" + list + "'");
		}
		return List.copyOf(out);
	}
}

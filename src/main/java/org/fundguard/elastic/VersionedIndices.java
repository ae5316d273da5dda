package org.fundguard.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * FundGuard's indices are versioned ({@code fundguard-claims-000001}) and always used through an alias
 * ({@code fundguard-claims}). The index templates in {@code elastic/templates} define them; a reindex builds
 * the next version and switches the alias in one atomic request, so searches never see a half-built index.
 */
@Service
public class VersionedIndices {

	private static final int COPY_PAGE = 1000;
	/** The bureau's zone (calendar.Deadlines has it too; the kernel's elastic module does not depend on calendar). */
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VersionedIndices.class);

	private final ElasticJson elastic;
	private final ElasticsearchProperties properties;
	private final ObjectMapper json = new ObjectMapper();
	private final Map<String, Boolean> ensured = new ConcurrentHashMap<>();
	private final Set<String> years = ConcurrentHashMap.newKeySet();
	private final Clock clock;

	VersionedIndices(ElasticJson elastic, ElasticsearchProperties properties, Clock clock) {
		this.elastic = elastic;
		this.properties = properties;
		this.clock = clock;
	}

	/** The alias to read and write, e.g. {@code fundguard-claims} for {@code claims}. */
	public String alias(String name) {
		return properties.name(name);
	}

	/**
	 * Installs the template and creates the first version behind its alias, unless they exist. An index split by
	 * year gets the current year's (Beijing time), so that a reader before the first load finds an empty alias.
	 */
	public String ensure(String name) {
		ensured.computeIfAbsent(name, n -> {
			installTemplate(n);
			if (properties.isYearly(n)) {
				if (currentIndex(n) == null) {
					createIfMissing(alias(n) + "-" + Year.now(clock.withZone(BEIJING)).getValue());
				}
				else {
					addNewFields(n);
				}
			}
			else if (currentIndex(n) == null) {
				String first = alias(n) + "-000001";
				elastic.send("PUT", "/" + first, "{\"aliases\":{\"" + alias(n) + "\":{\"is_write_index\":true}}}");
			}
			else {
				addNewFields(n);
			}
			return true;
		});
		return alias(name);
	}

	/**
	 * The index of one settlement year of an index split by year ({@code fundguard-claims-2025}), created the first
	 * time it is asked for: its template puts it behind the alias, which then spans every year. Writes name it, since
	 * an alias over several indices takes none; reads and searches keep to the alias.
	 */
	public String yearIndex(String name, int year) {
		if (!properties.isYearly(name)) {
			throw new IllegalArgumentException(name + " is not split by year (fundguard.elasticsearch.yearly)");
		}
		String index = alias(name) + "-" + year;
		if (years.contains(index)) {
			return index;
		}
		ensure(name);
		createIfMissing(index);
		years.add(index);
		return index;
	}

	private void createIfMissing(String index) {
		if (elastic.send("HEAD", "/" + index, null) == null) {
			try {
				elastic.send("PUT", "/" + index, "{}");
			}
			catch (IllegalStateException e) {
				// made meanwhile by another loader (resource_already_exists): fine; anything else is an error
				if (elastic.send("HEAD", "/" + index, null) == null) {
					throw e;
				}
			}
		}
	}

	/** The concrete index behind the alias, or null when there is none yet (of an index split by year: one of them). */
	public String currentIndex(String name) {
		JsonNode aliases = elastic.send("GET", "/_alias/" + alias(name), null);
		if (aliases == null || aliases.isEmpty()) {
			return null;
		}
		Iterator<String> indices = aliases.fieldNames();
		return indices.next();
	}

	/**
	 * Copies the current version into a new one made from the current template, then moves the alias in a
	 * single request and deletes the old version. Returns the new index.
	 */
	public String reindex(String name) {
		if (properties.isYearly(name)) {
			throw new IllegalStateException(alias(name) + " is split by year: reindex a year's index on its own");
		}
		ensure(name);
		installTemplate(name);
		String old = currentIndex(name);
		long version = Long.parseLong(old.substring(old.lastIndexOf('-') + 1));
		String next = alias(name) + "-%06d".formatted(version + 1);
		if (elastic.send("GET", "/" + next, null) != null) {
			// left by a reindex that stopped before moving the alias: an unfinished copy, never searched
			elastic.send("DELETE", "/" + next, null);
		}
		elastic.send("PUT", "/" + next, "{}");
		copy(old, next, templateFields(name));
		elastic.send("POST", "/_aliases", """
				{"actions":[
				  {"remove":{"index":"%s","alias":"%s"}},
				  {"add":{"index":"%s","alias":"%s","is_write_index":true}}]}""".formatted(old, alias(name), next, alias(name)));
		elastic.send("DELETE", "/" + old, null);
		return next;
	}

	/**
	 * Copies every document with a scroll and bulk requests: the Elasticsearch distribution FundGuard runs on
	 * has no _reindex API.
	 */
	private void copy(String from, String to, Set<String> fields) {
		JsonNode page = elastic.send("POST", "/" + from + "/_search?scroll=2m", "{\"size\":" + COPY_PAGE + ",\"sort\":[\"_doc\"]}");
		String scrollId = page.get("_scroll_id").asText();
		try {
			while (page.at("/hits/hits").size() > 0) {
				StringBuilder bulk = new StringBuilder();
				for (JsonNode hit : page.at("/hits/hits")) {
					// a field retired from the template (e.g. qty_over_limit) is left behind: the strict mapping refuses it
					ObjectNode source = (ObjectNode) hit.get("_source");
					if (!fields.isEmpty()) {
						source.retain(fields);
					}
					bulk.append("{\"index\":{\"_id\":").append(hit.get("_id").toString()).append("}}\n")
						.append(source).append('\n');
				}
				JsonNode result = elastic.send("POST", "/" + to + "/_bulk", bulk.toString());
				if (result.get("errors").asBoolean()) {
					throw new IllegalStateException("copying " + from + " to " + to + " failed: " + result);
				}
				page = elastic.send("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scrollId + "\"}");
				scrollId = page.get("_scroll_id").asText();
			}
		}
		finally {
			elastic.send("DELETE", "/_search/scroll", "{\"scroll_id\":\"" + scrollId + "\"}");
		}
		elastic.send("POST", "/" + to + "/_refresh", null);
	}

	/** Sets a dynamic index setting on the current version, e.g. refresh_interval during a bulk load. */
	public void setting(String name, String setting, String value) {
		elastic.send("PUT", "/" + alias(name) + "/_settings",
				"{\"index\":{\"" + setting + "\":" + (value == null ? "null" : "\"" + value + "\"") + "}}");
	}

	/** As {@link #setting}, on one concrete index (e.g. one year's) rather than the alias. */
	public void indexSetting(String index, String setting, String value) {
		elastic.send("PUT", "/" + index + "/_settings",
				"{\"index\":{\"" + setting + "\":" + (value == null ? "null" : "\"" + value + "\"") + "}}");
	}

	public void refresh(String name) {
		elastic.send("POST", "/" + alias(name) + "/_refresh", null);
	}

	/** As {@link #setting}, on several indices in one request: each request waits for the cluster state to change. */
	public void setting(java.util.Collection<String> names, String setting, String value) {
		elastic.send("PUT", "/" + aliases(names) + "/_settings",
				"{\"index\":{\"" + setting + "\":" + (value == null ? "null" : "\"" + value + "\"") + "}}");
	}

	/** Refreshes several indices in one request: Elasticsearch refreshes their shards in parallel. */
	public void refresh(java.util.Collection<String> names) {
		elastic.send("POST", "/" + aliases(names) + "/_refresh", null);
	}

	private String aliases(java.util.Collection<String> names) {
		return String.join(",", names.stream().map(this::alias).toList());
	}

	/**
	 * Puts the template's mapping on an index made from an older template: fields added since (e.g. a new derived
	 * field) are then accepted by its strict mapping. Adding fields is all Elasticsearch allows here; a changed
	 * field type is refused, and is left to a reindex.
	 */
	private void addNewFields(String name) {
		try {
			JsonNode mappings = json.readTree(template(name)).path("template").path("mappings");
			if (!mappings.isMissingNode()) {
				elastic.send("PUT", "/" + alias(name) + "/_mapping", json.writeValueAsString(mappings));
			}
		}
		catch (IOException | IllegalStateException e) {
			log.warn("index {} keeps its mapping: {}", alias(name), e.getMessage());
		}
	}

	/** The top-level fields the template maps. */
	private Set<String> templateFields(String name) {
		try {
			Set<String> out = new HashSet<>();
			json.readTree(template(name)).path("template").path("mappings").path("properties").fieldNames().forEachRemaining(out::add);
			return out;
		}
		catch (IOException e) {
			throw new IllegalStateException("index template " + name + " is not JSON", e);
		}
	}

	/**
	 * Shards and replicas come from the configuration, not the file: one node wants 1 and 0, a cluster more. An index
	 * split by year gets its alias from the template, so that every year's index joins it when it is made.
	 */
	private void configure(String name, ObjectNode template) {
		ObjectNode settings = template.withObject("/template").withObject("/settings");
		settings.put("number_of_shards", properties.shardsOf(name));
		settings.put("number_of_replicas", properties.replicas());
		if (properties.isYearly(name)) {
			template.withObject("/template").withObject("/aliases").putObject(alias(name));
		}
	}

	private void installTemplate(String name) {
		elastic.send("PUT", "/_index_template/" + alias(name), template(name));
	}

	String template(String name) {
		try (InputStream in = new ClassPathResource("elastic/templates/" + name + ".json").getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{prefix}}", properties.indexPrefix());
			ObjectNode template = (ObjectNode) json.readTree(text);
			// a comment for people reading the file; Elasticsearch rejects unknown fields
			template.remove("_comment");
			configure(name, template);
			return json.writeValueAsString(template);
		}
		catch (IOException e) {
			throw new IllegalStateException("no index template elastic/templates/" + name + ".json", e);
		}
	}
}

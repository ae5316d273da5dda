package org.fundguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every rule in force: the shipped definitions on the classpath ({@code elastic/rules/*.json}, read once) and the
 * latest published version of each rule analysts composed (table rule_version). The engine, the pages, leads,
 * exemptions and parameters all ask here. The composed rules are cached: a publish on this node empties the cache at
 * once ({@link RulePublished}); another node's publish is seen within {@link #TTL}, so several nodes need no shared
 * cache or message bus.
 */
@Component
public class RuleCatalogue {

	private static final Logger log = LoggerFactory.getLogger(RuleCatalogue.class);

	/** How long a node keeps the composed rules it read before reading them again. */
	static final Duration TTL = Duration.ofSeconds(30);

	private record Snapshot(List<RuleDefinition> rules, long readAt) {
	}

	private final List<RuleDefinition> shipped;
	private final Set<String> shippedIds;
	private final RuleVersions versions;
	private volatile Snapshot snapshot;

	RuleCatalogue() {
		this(read());
	}

	RuleCatalogue(List<RuleDefinition> rules) {
		this(rules, null);
	}

	@Autowired
	RuleCatalogue(RuleVersions versions) {
		this(read(), versions);
	}

	private RuleCatalogue(List<RuleDefinition> shipped, RuleVersions versions) {
		this.shipped = List.copyOf(shipped);
		this.shippedIds = shipped.stream().map(RuleDefinition::id).collect(Collectors.toUnmodifiableSet());
		this.versions = versions;
	}

	public List<RuleDefinition> all() {
		Snapshot s = snapshot;
		if (s == null || System.nanoTime() - s.readAt() > TTL.toNanos()) {
			s = new Snapshot(merge(), System.nanoTime());
			snapshot = s;
		}
		return s.rules();
	}

	public Optional<RuleDefinition> find(String id) {
		return all().stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/** Whether the rule ships with FundGuard (read-only) rather than being composed by an analyst. */
	public boolean shipped(String id) {
		return shippedIds.contains(id);
	}

	/** After the commit: emptied before it, the cache could be filled again from the database without the new version. */
	@TransactionalEventListener(fallbackExecution = true)
	void published(RulePublished event) {
		snapshot = null;
	}

	private List<RuleDefinition> merge() {
		List<RuleDefinition> out = new ArrayList<>(shipped);
		if (versions != null) {
			for (RuleVersions.Version v : versions.latest()) {
				if (shippedIds.contains(v.ruleId())) {
					continue;
				}
				try {
					out.add(RuleDefinition.parse(new ObjectMapper().readTree(v.definitionJson())));
				}
				catch (IOException | RuntimeException e) {
					// checked when published: only a row edited by hand gets here, and it must not hide the other rules
					log.warn("composed rule {} version {} cannot be read and is left out", v.ruleId(), v.version(), e);
				}
			}
		}
		out.sort(Comparator.comparing(RuleDefinition::id));
		return List.copyOf(out);
	}

	static List<RuleDefinition> read() {
		ObjectMapper json = new ObjectMapper();
		List<RuleDefinition> found = new ArrayList<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:elastic/rules/*.json")) {
				try (InputStream in = r.getInputStream()) {
					found.add(RuleDefinition.parse(json.readTree(in)));
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the rule definitions elastic/rules/*.json", e);
		}
		return found;
	}
}

package org.fundguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The rule definitions on the classpath ({@code elastic/rules/*.json}), read once. */
@Component
public class RuleCatalogue {

	private final List<RuleDefinition> rules;

	RuleCatalogue() {
		this(read());
	}

	RuleCatalogue(List<RuleDefinition> rules) {
		this.rules = rules.stream().sorted(Comparator.comparing(RuleDefinition::id)).toList();
	}

	public List<RuleDefinition> all() {
		return rules;
	}

	public Optional<RuleDefinition> find(String id) {
		return rules.stream().filter(r -> r.id().equals(id)).findFirst();
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

package org.fundguard.rules;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fundguard.errors.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rule parameters per region: the rule file's defaults, overridden per region by analysts, every change recorded. */
@Repository
public class RuleParameters {

	/** One recorded change: null values stand for the rule file's default. */
	public record Change(String ruleId, String region, String name, String oldValue, String newValue, String changedBy,
			OffsetDateTime changedAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	RuleParameters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The values in force for a run over these regions: a region's override where one exists (the first region
	 * listed wins), else the default.
	 */
	public Map<String, Double> effective(RuleDefinition rule, List<String> regions) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (RuleDefinition.Parameter p : rule.parameters()) {
			if (!p.isPrefixes()) {
				values.put(p.name(), p.defaultValue());
			}
		}
		stored(rule, regions).forEach((name, value) -> {
			if (values.containsKey(name)) {
				values.put(name, parse(rule, name, value));
			}
		});
		return values;
	}

	/** As {@link #effective}, for the parameters that are lists of prefixes. */
	public Map<String, List<String>> prefixes(RuleDefinition rule, List<String> regions) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (RuleDefinition.Parameter p : rule.parameters()) {
			if (p.isPrefixes()) {
				values.put(p.name(), p.prefixesDefault());
			}
		}
		stored(rule, regions).forEach((name, value) -> {
			if (values.containsKey(name)) {
				values.put(name, RuleDefinition.Parameter.prefixes(value));
			}
		});
		return values;
	}

	/** Every value in force, numbers and lists, as the API and the pages show them. */
	public Map<String, Object> shown(RuleDefinition rule, List<String> regions) {
		Map<String, Object> out = new LinkedHashMap<>(effective(rule, regions));
		prefixes(rule, regions).forEach((name, list) -> out.put(name, String.join(";", list)));
		return out;
	}

	/** The stored overrides of the regions, the first region listed winning. */
	private Map<String, String> stored(RuleDefinition rule, List<String> regions) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = regions.size() - 1; i >= 0; i--) {
			jdbc.sql("select param_name, param_value from rule_parameter where rule_id = ? and region = ?")
				.params(rule.id(), regions.get(i))
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list()
				.forEach(e -> values.put(e.getKey(), e.getValue()));
		}
		return values;
	}

	/** A region's overrides, by parameter name. */
	public Map<String, String> overrides(String ruleId, String region) {
		Map<String, String> out = new LinkedHashMap<>();
		jdbc.sql("select param_name, param_value from rule_parameter where rule_id = ? and region = ? order by param_name")
			.params(ruleId, region)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/** Sets (or, with a null value, resets to the default) one parameter of one region, and records the change. */
	@Transactional
	public void set(RuleDefinition rule, String region, String name, String value, String who) {
		if (region == null || !region.matches("\\d{1,6}")) {
			throw Refused.because("rules.parameter.region", region == null ? "" : region);
		}
		RuleDefinition.Parameter parameter = rule.parameter(name);
		String normalized = value == null || value.isBlank() ? null
				: parameter.isPrefixes() ? parameter.checkPrefixes(value) : Rounding.text(parameter.check(number(name, value)));
		String old = overrides(rule.id(), region).get(name);
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("delete from rule_parameter where rule_id = ? and region = ? and param_name = ?").params(rule.id(), region, name).update();
		if (normalized != null) {
			jdbc.sql("insert into rule_parameter (rule_id, region, param_name, param_value, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)")
				.params(rule.id(), region, name, normalized, who, now)
				.update();
		}
		jdbc.sql("""
				insert into rule_parameter_change (id, rule_id, region, param_name, old_value, new_value, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), rule.id(), region, name, old, normalized, who, now)
			.update();
	}

	public List<Change> history(String ruleId) {
		return jdbc.sql("""
				select rule_id, region, param_name, old_value, new_value, changed_by, changed_at from rule_parameter_change
				where rule_id = ? order by changed_at desc, id""")
			.param(ruleId)
			.query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

	private static double parse(RuleDefinition rule, String name, String stored) {
		try {
			return Double.parseDouble(stored);
		}
		catch (NumberFormatException e) {
			throw new IllegalStateException("rule " + rule.id() + ": stored parameter " + name + " = '" + stored + "' is not a number");
		}
	}

	private static double number(String name, String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException e) {
			throw Refused.because("rules.parameter.not-a-number", name, value);
		}
	}
}

package org.fundguard.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published versions of the rules analysts compose (table rule_version). */
@Repository
class RuleVersions {

	/** One published version: the definition as published, and the one it replaced (null for version 1). */
	record Version(String ruleId, int version, String definitionJson, String previousJson, String publishedBy,
			OffsetDateTime publishedAt, String note) {
	}

	private final JdbcClient jdbc;

	RuleVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The version in force of every composed rule: the latest of each. */
	List<Version> latest() {
		return jdbc.sql("""
				select v.rule_id, v.version, v.definition_json, v.previous_json, v.published_by, v.published_at, v.note
				from rule_version v
				where v.version = (select max(w.version) from rule_version w where w.rule_id = v.rule_id)
				order by v.rule_id""").query(RuleVersions::version).list();
	}

	/** A rule's versions, the newest first. */
	List<Version> history(String ruleId) {
		return jdbc.sql("""
				select rule_id, version, definition_json, previous_json, published_by, published_at, note
				from rule_version where rule_id = ? order by version desc""").param(ruleId).query(RuleVersions::version).list();
	}

	Optional<Version> find(String ruleId, int version) {
		return jdbc.sql("""
				select rule_id, version, definition_json, previous_json, published_by, published_at, note
				from rule_version where rule_id = ? and version = ?""").params(ruleId, version).query(RuleVersions::version)
			.optional();
	}

	/**
	 * Records a version. The primary key (rule_id, version) makes two analysts publishing the same rule at once
	 * conflict instead of both becoming version n + 1.
	 */
	void insert(Version v) {
		jdbc.sql("""
				insert into rule_version (rule_id, version, definition_json, previous_json, published_by, published_at, note)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(v.ruleId(), v.version(), v.definitionJson(), v.previousJson(), v.publishedBy(), v.publishedAt(), v.note())
			.update();
	}

	private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Version(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class), rs.getString(7));
	}
}

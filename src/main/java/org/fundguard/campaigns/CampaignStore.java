package org.fundguard.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The campaigns and the facts recorded for them (V27__campaigns.sql). */
@Repository
class CampaignStore {

	/** A fact a campaign counts, as recorded from another module's event. */
	record Fact(long campaignId, Kind kind, String sourceKey, String providerCode, String region, String reference,
			LocalDate factOn) {
	}

	enum Kind {
		CASE, SIGNAL, PENALTY
	}

	private final JdbcClient jdbc;

	CampaignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(CampaignDraft d, int sampleCount, long selfInspectionId, long planId, String by, OffsetDateTime at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into campaign (name, period_from, period_to, scope_regions, scope_types, rule_ids, inspection_mode,
				sample_count, self_inspection_id, plan_id, defined_by, defined_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.name(), d.from(), d.to(), String.join(";", d.regions()), String.join(";", d.types()),
					String.join(";", d.ruleIds()), d.mode().name(), sampleCount, selfInspectionId, planId, by, at)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Campaign> all() {
		return jdbc.sql("select * from campaign order by period_from desc, id desc").query(CampaignStore::campaign).list();
	}

	Optional<Campaign> find(long id) {
		return jdbc.sql("select * from campaign where id = ?").param(id).query(CampaignStore::campaign).optional();
	}

	Optional<Campaign> ofPlan(long planId) {
		return jdbc.sql("select * from campaign where plan_id = ?").param(planId).query(CampaignStore::campaign).optional();
	}

	Optional<Campaign> ofSelfInspection(long selfInspectionId) {
		return jdbc.sql("select * from campaign where self_inspection_id = ?").param(selfInspectionId)
			.query(CampaignStore::campaign).optional();
	}

	/** Records the fact unless it is recorded already (a redelivered event); the insert carries the condition. */
	boolean record(Fact f, OffsetDateTime at) {
		return jdbc.sql("""
				insert into campaign_fact (campaign_id, kind, source_key, provider_code, region, reference, fact_on, recorded_at)
				select ?, cast(? as varchar(10)), cast(? as varchar(200)), cast(? as varchar(50)), cast(? as varchar(12)),
				cast(? as varchar(100)), cast(? as date), cast(? as timestamp with time zone)
				where not exists (select 1 from campaign_fact where campaign_id = ? and kind = ? and source_key = ?)""")
			.params(f.campaignId(), f.kind().name(), f.sourceKey(), f.providerCode(), f.region(), f.reference(), f.factOn(), at,
					f.campaignId(), f.kind().name(), f.sourceKey())
			.update() > 0;
	}

	List<Fact> facts(long campaignId) {
		return jdbc.sql("select * from campaign_fact where campaign_id = ? order by fact_on, source_key").param(campaignId)
			.query(CampaignStore::fact).list();
	}

	/** The CASE facts of a case number: one per campaign the case was tagged with. */
	List<Fact> casesNumbered(String caseNumber) {
		return jdbc.sql("select * from campaign_fact where kind = 'CASE' and reference = ? order by campaign_id")
			.param(caseNumber)
			.query(CampaignStore::fact).list();
	}

	/** The campaigns a case was tagged with, by its number. */
	List<Campaign> ofCase(String caseNumber) {
		return jdbc.sql("""
				select c.* from campaign c where exists (select 1 from campaign_fact f where f.campaign_id = c.id
				and f.kind = 'CASE' and f.reference = ?) order by c.id""")
			.param(caseNumber).query(CampaignStore::campaign).list();
	}

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class),
				new CampaignScope(split(rs.getString("scope_regions")), split(rs.getString("scope_types"))),
				split(rs.getString("rule_ids")), Campaign.InspectionMode.valueOf(rs.getString("inspection_mode")),
				rs.getInt("sample_count"), rs.getLong("self_inspection_id"), rs.getLong("plan_id"),
				rs.getString("defined_by"), rs.getObject("defined_at", OffsetDateTime.class));
	}

	private static Fact fact(ResultSet rs, int n) throws SQLException {
		return new Fact(rs.getLong("campaign_id"), Kind.valueOf(rs.getString("kind")), rs.getString("source_key"),
				rs.getString("provider_code"), rs.getString("region"), rs.getString("reference"),
				rs.getObject("fact_on", LocalDate.class));
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(";"));
	}
}

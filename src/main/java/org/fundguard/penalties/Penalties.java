package org.fundguard.penalties;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads penalty procedures; the procedure classes of this package are the only writers. */
@Service
public class Penalties {

	private final JdbcClient jdbc;

	Penalties(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PenaltyCase> find(long id) {
		return jdbc.sql("select * from penalty_case where id = ?").param(id).query(Penalties::row).optional();
	}

	public PenaltyCase get(long id) {
		return find(id).orElseThrow(() -> Refused.notFound("penalties.penalty.not-found", id));
	}

	public List<PenaltyCase> ofCase(long caseId) {
		return jdbc.sql("select * from penalty_case where case_id = ? order by id").param(caseId).query(Penalties::row).list();
	}

	public List<PenaltyCase> latest(int limit) {
		return jdbc.sql("select * from penalty_case order by id desc").query(Penalties::row).list().stream()
			.limit(limit)
			.toList();
	}

	/**
	 * Published decisions, newest first, filtered by part of the party's name (institutions only: persons are never
	 * searchable by name), article and year of decision.
	 */
	public List<PenaltyCase> published(String institution, String article, Integer year) {
		StringBuilder sql = new StringBuilder("select * from penalty_case where published_at is not null");
		List<Object> params = new ArrayList<>();
		if (institution != null && !institution.isBlank()) {
			sql.append(" and party_type = 'INSTITUTION' and party_name like ?");
			params.add("%" + institution.strip().replace("%", "").replace("_", "") + "%");
		}
		if (article != null && !article.isBlank()) {
			sql.append(" and article = ?");
			params.add(article.strip());
		}
		if (year != null) {
			sql.append(" and decided_at >= ? and decided_at < ?");
			params.add(LocalDate.of(year, 1, 1).atStartOfDay(org.fundguard.calendar.Deadlines.BUREAU_ZONE).toOffsetDateTime());
			params.add(LocalDate.of(year + 1, 1, 1).atStartOfDay(org.fundguard.calendar.Deadlines.BUREAU_ZONE).toOffsetDateTime());
		}
		sql.append(" order by decided_at desc, id desc");
		return jdbc.sql(sql.toString()).params(params).query(Penalties::row).list();
	}

	public Optional<PenaltyCase> publishedOne(long id) {
		return find(id).filter(p -> p.decision().publishedAt() != null);
	}

	/**
	 * The published decisions whose party is this institution (an institution party's key is its provider code),
	 * newest first: what its own users see. A null code matches nothing.
	 */
	public List<PenaltyCase> publishedFor(String providerCode) {
		return jdbc.sql("select * from penalty_case where published_at is not null and party_type = 'INSTITUTION'"
				+ " and party_key = ? order by decided_at desc, id desc")
			.param(providerCode)
			.query(Penalties::row)
			.list();
	}

	/** One published decision, only if its party is this institution: another's is as absent as one that never was. */
	public Optional<PenaltyCase> publishedOneFor(long id, String providerCode) {
		return publishedOne(id).filter(p -> p.partyType() == SubjectType.INSTITUTION && p.partyKey().equals(providerCode));
	}

	/** 公开曝光: published decisions a director chose as typical cases. */
	public List<PenaltyCase> exposed() {
		return jdbc.sql("select * from penalty_case where exposed = true and published_at is not null order by decided_at desc")
			.query(Penalties::row)
			.list();
	}

	static PenaltyCase row(ResultSet rs, int n) throws SQLException {
		var proposal = new PenaltyCase.Proposal(split(rs.getString("factors"), ","), rs.getString("article"),
				rs.getBigDecimal("recovery"), rs.getBigDecimal("fine_base"), rs.getBigDecimal("fine_multiple"),
				rs.getBigDecimal("fine"),
				rs.getString("measure") == null ? MeasureKind.NONE : MeasureKind.valueOf(rs.getString("measure")),
				rs.getInt("measure_months"), rs.getBoolean("termination"), split(rs.getString("computation"), "\n"),
				rs.getString("proposed_by"), time(rs, "proposed_at"));
		var notice = new PenaltyCase.Notice(rs.getString("notice_number"), rs.getString("notice_html_id"),
				rs.getString("notice_pdf_id"), time(rs, "notice_served_at"), rs.getBigDecimal("noticed_fine"),
				(Integer) rs.getObject("noticed_months", Integer.class),
				(Boolean) rs.getObject("noticed_termination", Boolean.class),
				(Boolean) rs.getObject("noticed_measure", Boolean.class));
		var decision = new PenaltyCase.Decision(rs.getString("decision_number"), rs.getString("decision_html_id"),
				rs.getString("decision_pdf_id"), time(rs, "decided_at"), rs.getString("decided_by"),
				time(rs, "served_at"), time(rs, "published_at"), rs.getBoolean("exposed"), rs.getString("exposure_note"));
		var enforcement = new PenaltyCase.Enforcement(rs.getObject("measure_from", LocalDate.class),
				rs.getObject("measure_until", LocalDate.class), rs.getObject("payment_due", LocalDate.class),
				rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"),
				rs.getBigDecimal("late_surcharge"), time(rs, "closed_at"));
		return new PenaltyCase(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_number"),
				PenaltyStatus.valueOf(rs.getString("status")),
				SubjectType.valueOf(rs.getString("party_type")), rs.getString("party_key"), rs.getString("party_name"),
				time(rs, "requested_at"), time(rs, "filed_at"), time(rs, "decision_deadline"), rs.getInt("extended_days"),
				rs.getBoolean("overdue"), rs.getBoolean("complex_case"), rs.getString("investigation_note"), proposal,
				notice, rs.getString("defence"), rs.getBoolean("hearing_requested"), rs.getBoolean("hearing_held"),
				rs.getString("hearing_record"), rs.getString("deliberation"), decision, enforcement);
	}

	private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class);
	}

	private static List<String> split(String joined, String separator) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
	}
}

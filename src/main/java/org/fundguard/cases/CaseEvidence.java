package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Signal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case rests on in Elasticsearch: the monitoring lead it came from, its signals and the claim lines they
 * point at. References only: the claims stay in Elasticsearch and pages read them from there.
 */
@Service
public class CaseEvidence {

	public enum Kind {
		SIGNAL("监控信号"), CLAIM_LINE("费用明细"), SETTLEMENT("结算记录");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One piece of evidence; a claim line's ref is {@code settlementId#lineNo}, a signal's {@code rule|subject|window}. */
	public record Item(long id, long caseId, Kind kind, String ref, String ruleId, String description, BigDecimal money,
			String addedBy, OffsetDateTime addedAt) {

		/** The settlement a claim line or settlement ref belongs to. */
		public String settlementId() {
			return kind == Kind.SIGNAL ? null : ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
		}
	}

	/** The lead a case came from. */
	public record LinkedLead(String leadId, long caseId, String rules, double riskScore, LocalDate from, LocalDate to) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final EnforcementRecord record;

	CaseEvidence(JdbcClient jdbc, Clock clock, EnforcementRecord record) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.record = record;
	}

	/**
	 * Links a lead and its signals (as read from the signals index) to the case; the record names the lead's rules by
	 * their Chinese names, as the case page shows them.
	 */
	@Transactional
	public void linkLead(long caseId, Lead lead, String ruleNames, List<Signal> signals, Actor by) {
		jdbc.sql("insert into case_lead (lead_id, case_id, rules, risk_score, window_from, window_to, linked_at, linked_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(lead.id(), caseId, lead.rules(), lead.riskScore(), lead.from(), lead.to(), now(), by.userId())
			.update();
		int lines = 0;
		for (Signal s : signals) {
			insert(caseId, Kind.SIGNAL, s.id(), s.ruleId(), s.description(), s.money(), by);
			for (String ref : s.lineRefs()) {
				lines += insert(caseId, Kind.CLAIM_LINE, ref, s.ruleId(), "", null, by);
			}
			if (s.lineRefs().isEmpty()) {
				for (String settlement : s.settlementIds()) {
					lines += insert(caseId, Kind.SETTLEMENT, settlement, s.ruleId(), "", null, by);
				}
			}
		}
		record.append(caseId, by, "EVIDENCE_LINKED", "关联智能监控线索 " + lead.id() + "（规则 " + ruleNames + "，风险分 "
				+ lead.riskScore() + "，" + lead.from() + " 至 " + lead.to() + "）：信号 " + signals.size() + " 条，明细/结算 "
				+ lines + " 条");
	}

	/** Adds one piece of evidence by hand (a claim line found while investigating). */
	@Transactional
	public void add(long caseId, Kind kind, String ref, String description, Actor by) {
		if (ref == null || ref.isBlank()) {
			throw Refused.because("cases.evidence.ref-required");
		}
		if (insert(caseId, kind, ref.strip(), null, description == null ? "" : description.strip(), null, by) > 0) {
			record.append(caseId, by, "EVIDENCE_ADDED", "添加证据：" + kind.label() + " " + ref.strip()
					+ (description == null || description.isBlank() ? "" : "（" + description.strip() + "）"));
		}
	}

	/** Copies a merged case's evidence to the case it was merged into; returns how many items moved. */
	@Transactional
	public int copy(long fromCaseId, long toCaseId, Actor by) {
		int n = 0;
		for (Item i : of(fromCaseId)) {
			n += insert(toCaseId, i.kind(), i.ref(), i.ruleId(), i.description(), i.money(), by);
		}
		return n;
	}

	public List<Item> of(long caseId) {
		return jdbc.sql("select id, case_id, kind, ref, rule_id, description, money, added_by, added_at from case_evidence "
				+ "where case_id = ? order by case kind when 'SIGNAL' then 0 else 1 end, money desc nulls last, ref")
			.param(caseId)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
			.list();
	}

	public List<LinkedLead> leadsOf(long caseId) {
		return jdbc.sql("select lead_id, case_id, rules, risk_score, window_from, window_to from case_lead where case_id = ?")
			.param(caseId)
			.query((rs, n) -> new LinkedLead(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
	}

	/** The case a lead became, if any. */
	public Optional<Long> caseOfLead(String leadId) {
		return jdbc.sql("select case_id from case_lead where lead_id = ?").param(leadId).query(Long.class).optional();
	}

	private int insert(long caseId, Kind kind, String ref, String ruleId, String description, BigDecimal money, Actor by) {
		boolean present = jdbc.sql("select count(*) from case_evidence where case_id = ? and kind = ? and ref = ?")
			.params(caseId, kind.name(), ref)
			.query(Long.class)
			.single() > 0;
		if (present) {
			return 0;
		}
		jdbc.sql("insert into case_evidence (case_id, kind, ref, rule_id, description, money, added_by, added_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(caseId, kind.name(), ref, ruleId, description.length() > 2000 ? description.substring(0, 2000) : description,
					money, by.userId(), now())
			.update();
		return 1;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}
}

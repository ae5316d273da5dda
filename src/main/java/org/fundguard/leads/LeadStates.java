package org.fundguard.leads;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.fundguard.cases.CaseEvidence;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state of each lead and its history. The state is kept apart from {@code rule_lead}, which every rules run
 * rewrites, under the lead's id (its party and window), so a rerun keeps what was decided. Each change is checked
 * against {@link LeadState#next()}, appended to {@code lead_change}, and, when the lead is an audit case, to the
 * case's enforcement record in the same transaction.
 */
@Service
public class LeadStates {

	static final String RECORD_ACTION = "LEAD_STATE_CHANGED";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CaseEvidence evidence;
	private final EnforcementRecord record;

	LeadStates(JdbcClient jdbc, Clock clock, CaseEvidence evidence, EnforcementRecord record) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.evidence = evidence;
		this.record = record;
	}

	/** The lead's state: {@link LeadState#OPEN} until its first change. */
	public LeadState of(String leadId) {
		return jdbc.sql("select state from lead_state where lead_id = ?").param(leadId).query(String.class).optional()
			.map(LeadState::valueOf).orElse(LeadState.OPEN);
	}

	/** The lead's changes, oldest first. */
	public List<LeadChange> history(String leadId) {
		return jdbc.sql("""
				select lead_id, from_state, to_state, changed_by, changed_as, changed_at, reason
				from lead_change where lead_id = ? order by id""")
			.param(leadId)
			.query((rs, n) -> new LeadChange(rs.getString(1), LeadState.valueOf(rs.getString(2)),
					LeadState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
			.list();
	}

	/**
	 * Moves the lead to a state, or refuses (409) a change its state does not allow; a reason is required. Returns the
	 * change, or empty when the lead is in that state already (a repeated event changes nothing).
	 */
	@Transactional
	public Optional<LeadChange> move(String leadId, LeadState to, Actor by, String reason) {
		if (reason == null || reason.isBlank()) {
			throw Refused.because("leads.state.reason-required");
		}
		Optional<String> current = jdbc.sql("select state from lead_state where lead_id = ? for update")
			.param(leadId)
			.query(String.class)
			.optional();
		LeadState from = current.map(LeadState::valueOf).orElse(LeadState.OPEN);
		if (from == to) {
			return Optional.empty();
		}
		if (!from.mayMoveTo(to)) {
			throw Refused.conflict("leads.state.illegal", from.label(), to.label());
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		String why = reason.strip();
		if (current.isPresent()) {
			jdbc.sql("update lead_state set state = ?, updated_by = ?, updated_at = ? where lead_id = ?")
				.params(to.name(), by.userId(), now, leadId)
				.update();
		}
		else {
			try {
				jdbc.sql("insert into lead_state (lead_id, state, updated_by, updated_at) values (?, ?, ?, ?)")
					.params(leadId, to.name(), by.userId(), now)
					.update();
			}
			catch (DuplicateKeyException raced) {
				throw Refused.conflict("leads.state.concurrent", leadId);
			}
		}
		jdbc.sql("""
				insert into lead_change (lead_id, from_state, to_state, changed_by, changed_as, changed_at, reason)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(leadId, from.name(), to.name(), by.userId(), by.role(), now, why)
			.update();
		// a lead that is a case already: the case's record shows what became of the lead since
		evidence.caseOfLead(leadId).ifPresent(caseId -> record.append(caseId, by, RECORD_ACTION,
				"线索状态：" + from.label() + " → " + to.label() + "；原因：" + why));
		return Optional.of(new LeadChange(leadId, from, to, by.userId(), by.role(), now, why));
	}
}

package org.fundguard.leads;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.errors.Refused;
import org.fundguard.rules.Lead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The leads list: every lead of the latest runs with its state, filtered by state, rule, region and amount, a page at
 * a time, riskiest first. It reads {@code rule_lead} (the rules module's table, read only, as the inspections' draw
 * weights do) joined to the states here: the one query that filters and pages by both.
 */
@Service
public class LeadList {

	public static final int MAX_PAGE_SIZE = 200;

	/**
	 * What to list. Every field may be null (no filter).
	 *
	 * @param rule a rule id: leads with a signal of that rule
	 * @param region an administrative-division code prefix: leads of providers located there (person and fund leads
	 *     have no provider and drop out)
	 * @param page 0-based
	 */
	public record Filter(LeadState state, String rule, String region, BigDecimal minAmount, BigDecimal maxAmount,
			int page, int size) {

		public Filter {
			if (page < 0) {
				page = 0;
			}
			if (size < 1 || size > MAX_PAGE_SIZE) {
				size = 50;
			}
			if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
				throw Refused.because("leads.filter.amount-range");
			}
			rule = blankToNull(rule);
			region = blankToNull(region);
			if (region != null && !region.matches("\\d{1,12}")) {
				throw Refused.because("leads.filter.region");
			}
		}

		private static String blankToNull(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}
	}

	/** A lead with its state; {@code stateAt} is null while it was never changed. */
	public record Row(Lead lead, LeadState state, OffsetDateTime stateAt, String stateBy) {

		public String stateLabel() {
			return state.label();
		}
	}

	public record Page(List<Row> rows, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	private final JdbcClient jdbc;
	private final ClaimsDirectory directory;

	LeadList(JdbcClient jdbc, ClaimsDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	public Page find(Filter f) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (f.state() != null) {
			where.append(" and coalesce(s.state, 'OPEN') = :state");
			params.put("state", f.state().name());
		}
		if (f.rule() != null) {
			// rules holds the lead's rule ids joined by commas: match a whole id
			where.append(" and (',' || l.rules || ',') like :rule");
			params.put("rule", "%," + f.rule().replace("%", "").replace("_", "\\_") + ",%");
		}
		if (f.region() != null) {
			List<String> codes = new ArrayList<>();
			directory.providersIn(List.of(f.region()), List.of(), List.of()).forEach(p -> codes.add(p.code()));
			if (codes.isEmpty()) {
				return new Page(List.of(), 0, f.page(), f.size());
			}
			where.append(" and l.party_type = 'provider' and l.party_key in (:codes)");
			params.put("codes", codes);
		}
		if (f.minAmount() != null) {
			where.append(" and l.money >= :min");
			params.put("min", f.minAmount());
		}
		if (f.maxAmount() != null) {
			where.append(" and l.money <= :max");
			params.put("max", f.maxAmount());
		}
		String from = " from rule_lead l left join lead_state s on s.lead_id = l.id";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Row> rows = jdbc.sql("select l.*, s.state as lead_state, s.updated_at as state_at, s.updated_by as state_by"
				+ from + where + " order by l.risk_score desc, l.id offset " + (long) f.page() * f.size()
				+ " rows fetch next " + f.size() + " rows only")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return new Page(rows, total, f.page(), f.size());
	}

	private static Row row(ResultSet rs) throws SQLException {
		Lead lead = new Lead(rs.getString("id"), rs.getString("party_type"), rs.getString("party_key"),
				rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class),
				rs.getString("run_id"), rs.getLong("signals"), rs.getLong("suppressed"), rs.getString("rules"),
				rs.getBigDecimal("money"), rs.getDouble("risk_score"), rs.getString("status"),
				rs.getObject("updated_at", OffsetDateTime.class));
		String state = rs.getString("lead_state");
		return new Row(lead, state == null ? LeadState.OPEN : LeadState.valueOf(state),
				rs.getObject("state_at", OffsetDateTime.class), rs.getString("state_by"));
	}
}

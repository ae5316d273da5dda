package org.fundguard.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fundguard.cases.CaseEvidence;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lead states against the real schema (in-memory H2, all migrations): a state survives the rules run that deletes and
 * re-inserts its lead; every change is kept with who, when and why; an illegal change is refused and leaves nothing;
 * the list filters by state, rule, region and amount and pages.
 */
class LeadStatesTest {

	private static final Actor ANALYST = new Actor("analyst1", "analyst");
	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
	private static final LocalDate TO = LocalDate.of(2026, 10, 31);

	private JdbcClient jdbc;
	private LeadStates states;
	private CaseEvidence evidence;
	private EnforcementRecord record;
	private final ClaimsDirectory directory = mock(ClaimsDirectory.class);

	@BeforeEach
	void schema() {
		H2Leads h2 = new H2Leads();
		jdbc = h2.jdbc;
		states = h2.states;
		evidence = h2.evidence;
		record = h2.record;
	}

	/** What {@code rules.Leads.save} does on every run: delete the lead's row and insert it again. */
	private void runWrites(String id, String partyKey, String rules, String money, double score, String runId) {
		runWrites(jdbc, id, "provider", partyKey, rules, money, score, runId);
	}

	static void runWrites(JdbcClient jdbc, String id, String partyType, String partyKey, String rules, String money,
			double score, String runId) {
		jdbc.sql("delete from rule_lead where id = ?").param(id).update();
		jdbc.sql("""
				insert into rule_lead (id, party_type, party_key, window_from, window_to, run_id, signals, suppressed, rules,
				money, risk_score, status, updated_at) values (?, ?, ?, ?, ?, ?, 3, 0, ?, ?, ?, 'OPEN', ?)""")
			.params(id, partyType, partyKey, FROM, TO, runId, rules, new BigDecimal(money), score,
					java.time.OffsetDateTime.parse("2026-11-02T08:00:00+08:00"))
			.update();
	}

	@Test
	void aStateSurvivesTheRerunThatRewritesItsLead() {
		runWrites("lead-1", "H1", "price-over-ceiling", "1200.00", 10, "run-1");
		states.move("lead-1", LeadState.VOID, ANALYST, "重复收费已于上月退回");

		runWrites("lead-1", "H1", "price-over-ceiling", "1200.00", 10, "run-2");

		assertThat(states.of("lead-1")).isEqualTo(LeadState.VOID);
		assertThat(jdbc.sql("select run_id from rule_lead where id = 'lead-1'").query(String.class).single())
			.as("the lead row is the rerun's").isEqualTo("run-2");
		LeadList.Row row = new LeadList(jdbc, directory).find(new LeadList.Filter(null, null, null, null, null, 0, 50))
			.rows().getFirst();
		assertThat(row.state()).isEqualTo(LeadState.VOID);
		assertThat(row.stateBy()).isEqualTo("analyst1");
	}

	@Test
	void aLeadNeverChangedIsOpenAndEveryChangeKeepsWhoWhenAndWhy() {
		assertThat(states.of("lead-2")).isEqualTo(LeadState.OPEN);
		assertThat(states.history("lead-2")).isEmpty();

		states.move("lead-2", LeadState.ISSUED, ANALYST, "下发机构疑点 3 条");
		states.move("lead-2", LeadState.IN_REVIEW, Actor.SYSTEM, "机构申诉 1 条");
		assertThat(states.move("lead-2", LeadState.IN_REVIEW, Actor.SYSTEM, "again")).as("no change, no entry").isEmpty();

		List<LeadChange> history = states.history("lead-2");
		assertThat(history).extracting(LeadChange::from, LeadChange::to, LeadChange::by, LeadChange::role,
				LeadChange::reason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(LeadState.OPEN, LeadState.ISSUED, "analyst1", "analyst", "下发机构疑点 3 条"),
					org.assertj.core.groups.Tuple.tuple(LeadState.ISSUED, LeadState.IN_REVIEW, "fundguard-system", "system",
							"机构申诉 1 条"));
		assertThat(history.getFirst().at().toInstant()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
		verify(record, never()).append(anyLong(), any(), anyString(), anyString());
	}

	@Test
	void anIllegalChangeIsRefusedInChineseAndLeavesNothing() {
		states.move("lead-3", LeadState.VOID, ANALYST, "数据错误");

		assertThatThrownBy(() -> states.move("lead-3", LeadState.CONFIRMED, ANALYST, "确认"))
			.isInstanceOfSatisfying(Refused.class, e -> {
				assertThat(e.reason()).isEqualTo(Refused.Reason.CONFLICT);
				assertThat(e.getMessage()).contains("已作废").contains("已确认");
			});
		assertThat(states.of("lead-3")).isEqualTo(LeadState.VOID);
		assertThat(states.history("lead-3")).hasSize(1);
	}

	@Test
	void aChangeWithoutAReasonIsRefused() {
		assertThatThrownBy(() -> states.move("lead-4", LeadState.VOID, ANALYST, "  "))
			.isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("leads.state.reason-required"));
		assertThat(states.of("lead-4")).isEqualTo(LeadState.OPEN);
	}

	@Test
	void whenTheLeadIsACaseTheChangeIsInTheEnforcementRecord() {
		when(evidence.caseOfLead("lead-5")).thenReturn(Optional.of(7L));

		states.move("lead-5", LeadState.CASE_OPENED, ANALYST, "登记稽核案件 370300-2026-000007");

		verify(record).append(eq(7L), eq(ANALYST), eq(LeadStates.RECORD_ACTION),
				eq("线索状态：待处理 → 已立案；原因：登记稽核案件 370300-2026-000007"));
	}

	@Test
	void theListFiltersByStateRuleRegionAndAmountAndPages() {
		runWrites("a", "H370303001", "price-over-ceiling,quantity-limit", "500.00", 30, "r");
		runWrites("b", "H370303002", "quantity-limit", "20000.00", 20, "r");
		runWrites("c", "H370102001", "price-over-ceiling-2", "8000.00", 10, "r");
		states.move("b", LeadState.ISSUED, ANALYST, "下发");
		when(directory.providersIn(List.of("370303"), List.of(), List.of()))
			.thenReturn(List.of(new ClaimsDirectory.Provider("H370303001", "甲", "hospital", "3", "370303", "active"),
					new ClaimsDirectory.Provider("H370303002", "乙", "hospital", "2", "370303", "active")));
		LeadList list = new LeadList(jdbc, directory);

		assertThat(ids(list, new LeadList.Filter(null, null, null, null, null, 0, 50))).containsExactly("a", "b", "c");
		assertThat(ids(list, new LeadList.Filter(LeadState.OPEN, null, null, null, null, 0, 50))).containsExactly("a", "c");
		assertThat(ids(list, new LeadList.Filter(LeadState.ISSUED, null, null, null, null, 0, 50))).containsExactly("b");
		assertThat(ids(list, new LeadList.Filter(null, "price-over-ceiling", null, null, null, 0, 50)))
			.as("a whole rule id, not a prefix of another").containsExactly("a");
		assertThat(ids(list, new LeadList.Filter(null, null, "370303", null, null, 0, 50))).containsExactly("a", "b");
		assertThat(ids(list, new LeadList.Filter(null, null, null, new BigDecimal("1000"), new BigDecimal("10000"), 0, 50)))
			.containsExactly("c");
		LeadList.Page second = list.find(new LeadList.Filter(null, null, null, null, null, 1, 2));
		assertThat(second.rows()).extracting(r -> r.lead().id()).containsExactly("c");
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.pages()).isEqualTo(2);
		assertThatThrownBy(() -> new LeadList.Filter(null, null, null, BigDecimal.TEN, BigDecimal.ONE, 0, 50))
			.isInstanceOf(Refused.class);
		assertThatThrownBy(() -> new LeadList.Filter(null, null, "37'--", null, null, 0, 50)).isInstanceOf(Refused.class);
	}

	private static List<String> ids(LeadList list, LeadList.Filter f) {
		return list.find(f).rows().stream().map(r -> r.lead().id()).toList();
	}
}

package org.fundguard.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.selfinspections.SelfInspectionRefunded;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger and its listeners against the real schema (V23, in-memory H2): one row per source key, whatever is redelivered. */
class RecoveryLedgerTest {

	private static final String H1 = "H37030300011";
	private static final String H2 = "H37030300022";

	private JdbcClient jdbc;
	private RecoveryLedger ledger;
	private RecoveryBookings bookings;

	@BeforeEach
	void schema() {
		javax.sql.DataSource ds = dataSource();
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(ds);
		ledger = new RecoveryLedger(jdbc, Clock.fixed(Instant.parse("2026-11-30T16:30:00Z"), ZoneId.of("Asia/Shanghai")));
		ClaimsDirectory directory = mock(ClaimsDirectory.class);
		when(directory.provider(H1)).thenReturn(Optional.of(new ClaimsDirectory.Provider(H1, "淄博市第一医院", "hospital", "3",
				"370303", "active")));
		when(directory.provider(H2)).thenThrow(new IllegalStateException("Elasticsearch is down"));
		bookings = new RecoveryBookings(ledger, new ProviderNames(directory));
	}

	/**
	 * In-memory H2; with {@code -Drecovery.pg.url=jdbc:postgresql://host/db} a fresh schema of that PostgreSQL database
	 * instead, since the booking's insert is written for both (CI runs the application on PostgreSQL).
	 */
	private static javax.sql.DataSource dataSource() {
		String pg = System.getProperty("recovery.pg.url");
		if (pg != null && !pg.isBlank()) {
			String schema = "recovery_" + System.nanoTime();
			var admin = new org.springframework.jdbc.datasource.DriverManagerDataSource(pg, "postgres", "");
			JdbcClient.create(admin).sql("create schema " + schema).update();
			return new org.springframework.jdbc.datasource.DriverManagerDataSource(pg + "?currentSchema=" + schema,
					"postgres", "");
		}
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:recovery-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		return h2;
	}

	private static SignalConfirmed confirmed(String issuedId, String provider, String amount, SignalConfirmed.How how) {
		return new SignalConfirmed(issuedId, "lead-1", provider, "R-DUP-BILL", "R-DUP-BILL|" + provider + "|2026-10",
				new BigDecimal(amount), "重复收费", LocalDate.of(2026, 11, 3), how);
	}

	@Test
	void aConfirmedSignalBooksOneRowAndASecondDeliveryChangesNothing() {
		SignalConfirmed event = confirmed("is-1", H1, "1234.5", SignalConfirmed.How.APPEAL_REJECTED);

		bookings.signalConfirmed(event);
		bookings.signalConfirmed(event);

		assertThat(count()).isEqualTo(1);
		RecoveryEntry row = ledger.find(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, "is-1")).orElseThrow();
		assertThat(row.providerName()).isEqualTo("淄博市第一医院");
		assertThat(row.amount()).isEqualByComparingTo("1234.50");
		assertThat(row.amount().scale()).isEqualTo(2);
		assertThat(row.reason()).isEqualTo("重复收费（申诉不成立）");
		assertThat(row.bookedOn()).isEqualTo(LocalDate.of(2026, 11, 3));
		assertThat(row.ruleId()).isEqualTo("R-DUP-BILL");
		assertThat(row.reference()).isEqualTo("lead-1");
		assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-11-30T16:30:00Z").atOffset(row.createdAt().getOffset()));
	}

	@Test
	void theSameBookingTwiceReturnsFalseTheSecondTimeAndKeepsTheFirstRow() {
		var first = new RecoveryLedger.Booking(RecoverySource.SELF_REPORT, "rep-9", H1, null, new BigDecimal("10"), "自查",
				LocalDate.of(2026, 10, 1), "R1", "si-1");
		var again = new RecoveryLedger.Booking(RecoverySource.SELF_REPORT, "rep-9", H1, null, new BigDecimal("99"), "改了",
				LocalDate.of(2026, 10, 2), "R1", "si-1");

		assertThat(ledger.book(first)).isTrue();
		assertThat(ledger.book(again)).isFalse();

		assertThat(ledger.entries(RecoveryFilter.all())).singleElement()
			.satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("10.00"));
	}

	@Test
	void theSameKeyFromAnotherSourceIsAnotherRow() {
		bookings.signalConfirmed(confirmed("42", H1, "5", SignalConfirmed.How.ACCEPTED));
		bookings.penaltyDecided(penalty(42, true, "5"));

		assertThat(count()).isEqualTo(2);
		assertThat(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, "42"))
			.isNotEqualTo(RecoveryEntry.rowId(RecoverySource.PENALTY, "42"));
	}

	@Test
	void aDirectoryThatDoesNotAnswerLeavesTheNameEmptyButStillBooks() {
		bookings.signalConfirmed(confirmed("is-2", H2, "80", SignalConfirmed.How.DEADLINE_PASSED));

		RecoveryEntry row = ledger.entries(RecoveryFilter.all()).getFirst();
		assertThat(row.providerName()).isNull();
		assertThat(row.institution()).isEqualTo(H2);
		assertThat(row.reason()).contains("逾期未答复，视为确认");
	}

	@Test
	void aSelfInspectionRefundBooksOnceAndNothingWhenNothingWasRefunded() {
		var refund = new SelfInspectionRefunded("rep-1", "si-1", H1, "R1,R2", new BigDecimal("300.00"), "多收床位费",
				LocalDate.of(2026, 9, 30));
		bookings.selfInspectionRefunded(refund);
		bookings.selfInspectionRefunded(refund);
		bookings.selfInspectionRefunded(new SelfInspectionRefunded("rep-2", "si-1", H1, "R1", BigDecimal.ZERO, "未发现",
				LocalDate.of(2026, 9, 30)));

		assertThat(ledger.entries(RecoveryFilter.all())).singleElement().satisfies(e -> {
			assertThat(e.source()).isEqualTo(RecoverySource.SELF_REPORT);
			assertThat(e.reason()).isEqualTo("自查自纠主动退回：多收床位费");
			assertThat(e.ruleId()).isEqualTo("R1,R2");
			assertThat(e.reference()).isEqualTo("si-1");
		});
	}

	@Test
	void aPenaltyBooksTheOrderedReturnOfAnInstitutionOnlyAndNeverTheFine() {
		bookings.penaltyDecided(penalty(7, true, "2000"));
		bookings.penaltyDecided(penalty(7, true, "2000"));
		bookings.penaltyDecided(penalty(8, false, "500"));
		bookings.penaltyDecided(penalty(9, true, "0"));

		assertThat(ledger.entries(RecoveryFilter.all())).singleElement().satisfies(e -> {
			assertThat(e.source()).isEqualTo(RecoverySource.PENALTY);
			assertThat(e.amount()).isEqualByComparingTo("2000.00");
			assertThat(e.providerName()).isEqualTo("淄博市第一医院");
			assertThat(e.reason()).isEqualTo("行政处罚决定 淄医保罚〔2026〕7号 责令退回（第38条）");
			assertThat(e.reference()).isEqualTo("370300-2026-000007 淄医保罚〔2026〕7号");
			assertThat(e.ruleId()).isNull();
		});
	}

	/** A case opened from a lead: its confirmed signals are deducted already, so the penalty books only the rest. */
	@Test
	void aPenaltyOnACaseFromALeadBooksOnlyWhatItsConfirmedSignalsDidNotRecover() {
		bookings.signalConfirmed(confirmed("lead-sig-1", H1, "100.00", SignalConfirmed.How.ACCEPTED));
		bookings.signalConfirmed(confirmed("lead-sig-2", H1, "20.00", SignalConfirmed.How.APPEAL_REJECTED));
		bookings.penaltyDecided(penalty(21, true, "150", "lead-1"));
		bookings.penaltyDecided(penalty(22, true, "120", "lead-1"));

		assertThat(ledger.entries(new RecoveryFilter(null, null, null, RecoverySource.PENALTY, null))).singleElement()
			.satisfies(e -> {
				assertThat(e.amount()).isEqualByComparingTo("30.00");
				assertThat(e.reason()).endsWith("已扣除该线索疑点确认追回的 ¥120.00");
			});
	}

	@Test
	void filtersSelectByPeriodInclusiveInstitutionSourceAndRule() {
		ledger.book(booking("a", H1, "2026-10-31", "R1", RecoverySource.APPEAL_OUTCOME));
		ledger.book(booking("b", H1, "2026-11-01", "R2", RecoverySource.APPEAL_OUTCOME));
		ledger.book(booking("c", H2, "2026-11-30", "R1", RecoverySource.SELF_REPORT));
		ledger.book(booking("d", H2, "2026-12-01", "R1", RecoverySource.APPEAL_OUTCOME));

		LocalDate nov1 = LocalDate.of(2026, 11, 1);
		LocalDate nov30 = LocalDate.of(2026, 11, 30);
		assertThat(keys(new RecoveryFilter(nov1, nov30, null, null, null))).containsExactly("b", "c");
		assertThat(keys(new RecoveryFilter(null, null, H2, null, null))).containsExactly("c", "d");
		assertThat(keys(new RecoveryFilter(null, null, null, RecoverySource.SELF_REPORT, null))).containsExactly("c");
		assertThat(keys(new RecoveryFilter(null, null, null, null, "R1"))).containsExactly("a", "c", "d");
		assertThat(ledger.entriesOf(H1, new RecoveryFilter(null, null, H2, null, null))).extracting(RecoveryEntry::sourceKey)
			.as("an institution's own filter cannot widen to another institution").containsExactly("a", "b");
		assertThat(ledger.entriesOf(null, RecoveryFilter.all())).as("a token bound to no provider reads nothing").isEmpty();
	}

	private java.util.List<String> keys(RecoveryFilter f) {
		return ledger.entries(f).stream().map(RecoveryEntry::sourceKey).toList();
	}

	private static RecoveryLedger.Booking booking(String key, String provider, String day, String rule, RecoverySource source) {
		return new RecoveryLedger.Booking(source, key, provider, null, BigDecimal.ONE, "x", LocalDate.parse(day), rule, null);
	}

	private static PenaltyDecided penalty(long id, boolean institution, String recovery) {
		return penalty(id, institution, recovery, null);
	}

	private static PenaltyDecided penalty(long id, boolean institution, String recovery, String leadId) {
		return new PenaltyDecided(id, "370300-2026-00000" + id, "淄医保罚〔2026〕" + id + "号", institution,
				institution ? H1 : "370303199001011234", institution ? "淄博市第一医院" : "张伟", "38", new BigDecimal(recovery),
				new BigDecimal("1000"), LocalDate.of(2026, 11, 20), leadId);
	}

	private long count() {
		return jdbc.sql("select count(*) from recovery_entry").query(Long.class).single();
	}
}

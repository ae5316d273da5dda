package org.fundguard.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.inspections.InspectionRecorded;
import org.fundguard.inspections.InspectionResult;
import org.fundguard.penalties.Penalties;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;
import org.fundguard.penalties.PenaltyCase;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.selfinspections.SelfInspectionRefunded;
import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credit computation, one cause at a time, through the real listeners and the real schema (V26, in-memory H2):
 * each event records one fact with the configured points, a redelivery adds nothing, and a fact counts in the year of
 * its Asia/Shanghai day.
 */
class CreditLedgerTest {

	private static final String H1 = "H37030300011";
	private static final String H2 = "H37030300022";
	private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

	private final CreditProperties config = CreditProperties.defaults();
	private JdbcClient jdbc;
	private CreditLedger ledger;
	private CreditRecorder recorder;
	private Penalties penalties;

	@BeforeEach
	void schema() {
		JdbcDataSource ds = MigratedH2.dataSource("credit");
		jdbc = JdbcClient.create(ds);
		// 2027-01-01 00:30 in Shanghai is still 2026-12-31 in UTC: "today" is the bureau's day
		Clock clock = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneId.of("UTC"));
		CreditFacts facts = new CreditFacts(jdbc, clock);
		ClaimsDirectory directory = mock(ClaimsDirectory.class);
		when(directory.provider(H1)).thenReturn(Optional.of(new ClaimsDirectory.Provider(H1, "淄博市第一医院", "hospital", "3",
				"370303", "active")));
		when(directory.provider(H2)).thenThrow(new IllegalStateException("Elasticsearch is down"));
		penalties = mock(Penalties.class);
		recorder = new CreditRecorder(facts, config, directory, penalties);
		ledger = new CreditLedger(facts, config, new Jurisdiction("淄博市医疗保障局", List.of("3703")), clock);
	}

	@Test
	void aConfirmedSignalDeductsItsPointsOnceWhateverIsRedelivered() {
		SignalConfirmed event = confirmed("is-1", H1, DAY);

		recorder.signalConfirmed(event);
		recorder.signalConfirmed(event);

		assertThat(rows()).isEqualTo(1);
		var card = ledger.scorecard(H1, 2026);
		assertThat(card.score()).isEqualTo(100 - config.signalConfirmed());
		assertThat(card.providerName()).isEqualTo("淄博市第一医院");
		assertThat(card.region()).isEqualTo("370303");
		assertThat(card.steps()).singleElement().satisfies(s -> {
			assertThat(s.fact().cause()).isEqualTo(CreditCause.SIGNAL_CONFIRMED);
			assertThat(s.fact().description()).isEqualTo("疑点经确认：重复收费（机构确认）");
		});
	}

	@Test
	void aPenaltyDeductsByItsArticleAndMoreWithASuspensionOrTermination() {
		penalty(1, "39", H1, null, false);
		penalty(2, "38", H1, MeasureKind.SUSPEND_AGREEMENT, false);
		penalty(3, "40", H2, MeasureKind.SUSPEND_AGREEMENT, true);

		assertThat(ledger.scorecard(H1, 2026).score()).isEqualTo(100 - 5 - (10 + 10));
		var fraud = ledger.scorecard(H2, 2026);
		assertThat(fraud.score()).isEqualTo(100 - (30 + 40));
		assertThat(fraud.grade()).isEqualTo(CreditGrade.D);
		assertThat(fraud.providerName()).as("the party's name from the decision, the directory being down").isEqualTo("某某医院");
		assertThat(fraud.steps().getFirst().fact().description()).contains("第40条", "解除医保服务协议");
	}

	@Test
	void aPersonsPenaltyIsNoFactOfAnyInstitution() {
		recorder.penaltyDecided(new PenaltyDecided(9, "C-9", "D-9", false, "370303199001011234", "张*", "41",
				BigDecimal.ONE, BigDecimal.TEN, DAY, null));

		assertThat(rows()).isZero();
	}

	@Test
	void aRefusedInspectionDeductsAndOtherResultsDoNot() {
		recorder.inspectionRecorded(new InspectionRecorded(7, 3, H1, "淄博市第一医院", "370303", InspectionResult.NO_PROBLEM, DAY));
		recorder.inspectionRecorded(new InspectionRecorded(8, 3, H1, "淄博市第一医院", "370303",
				InspectionResult.REFUSED_TO_COOPERATE, DAY));
		recorder.inspectionRecorded(new InspectionRecorded(8, 3, H1, "淄博市第一医院", "370303",
				InspectionResult.REFUSED_TO_COOPERATE, DAY));

		assertThat(rows()).isEqualTo(1);
		var card = ledger.scorecard(H1, 2026);
		assertThat(card.score()).isEqualTo(100 - config.refusedInspection());
		assertThat(card.grade()).isEqualTo(CreditGrade.B);
	}

	@Test
	void aSelfReportedRefundRestoresLostPointsButNeverLiftsAboveTheMaximum() {
		refund("r-0", H1, "500", DAY.minusDays(10));
		recorder.selfInspectionRefunded(new SelfInspectionRefunded("r-zero", "si-1", H1, "R1", BigDecimal.ZERO, "", DAY));
		recorder.signalConfirmed(confirmed("is-1", H1, DAY));
		recorder.signalConfirmed(confirmed("is-2", H1, DAY));
		refund("r-1", H1, "800", DAY.plusDays(1));

		var card = ledger.scorecard(H1, 2026);
		assertThat(rows()).as("a refund of nothing earns nothing").isEqualTo(4);
		assertThat(card.steps().getFirst().applied()).as("a credit at 100 is not banked").isZero();
		assertThat(card.score()).isEqualTo(Math.min(100, 100 - 2 * config.signalConfirmed() + config.selfReportedRefund()));
		assertThat(card.credited()).isEqualTo(Math.min(config.selfReportedRefund(), 2 * config.signalConfirmed()));
	}

	@Test
	void aFactOnTheThirtyFirstOfDecemberCountsInItsYearAndOneOnTheFirstOfJanuaryInTheNext() {
		recorder.inspectionRecorded(new InspectionRecorded(1, 1, H1, "淄博市第一医院", "370303",
				InspectionResult.REFUSED_TO_COOPERATE, LocalDate.of(2026, 12, 31)));
		recorder.signalConfirmed(confirmed("is-new-year", H1, LocalDate.of(2027, 1, 1)));

		assertThat(ledger.scorecard(H1, 2026).score()).isEqualTo(100 - config.refusedInspection());
		assertThat(ledger.scorecard(H1, 2027).score()).isEqualTo(100 - config.signalConfirmed());
		assertThat(ledger.today()).as("Shanghai's day, not UTC's").isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(ledger.asOf(2026)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(ledger.ofYear(2027)).singleElement().satisfies(c -> assertThat(c.score()).isEqualTo(98));
	}

	@Test
	void everyGradeChangeNamesTheFactThatCausedItAndGradeDWeighsInDrawsFromItsDay() {
		recorder.inspectionRecorded(new InspectionRecorded(1, 1, H1, "淄博市第一医院", "370303",
				InspectionResult.REFUSED_TO_COOPERATE, LocalDate.of(2026, 3, 1)));
		penalty(5, "40", H1, null, false);

		var card = ledger.scorecard(H1, 2026);
		assertThat(card.changes()).extracting(CreditComputation.GradeChange::from, CreditComputation.GradeChange::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(CreditGrade.A, CreditGrade.B),
					org.assertj.core.groups.Tuple.tuple(CreditGrade.B, CreditGrade.D));
		assertThat(card.changes().get(1).cause().cause()).isEqualTo(CreditCause.PENALTY_DECIDED);
		assertThat(card.changes().get(1).on()).isEqualTo(DAY);
		assertThat(ledger.factorsOn(DAY.minusDays(1))).as("before the penalty it was B").isEmpty();
		assertThat(ledger.factorsOn(DAY)).containsExactly(java.util.Map.entry(H1, 3L));
		assertThat(ledger.factorsOn(LocalDate.of(2027, 1, 1))).as("a new year starts at 100").isEmpty();
	}

	@Test
	void aFactRecordedLateCountsOnItsOwnDayInTheHistory() {
		recorder.signalConfirmed(confirmed("is-late", H1, LocalDate.of(2026, 10, 1)));
		recorder.inspectionRecorded(new InspectionRecorded(4, 1, H1, "淄博市第一医院", "370303",
				InspectionResult.REFUSED_TO_COOPERATE, LocalDate.of(2026, 4, 1)));

		var card = ledger.scorecard(H1, 2026);
		assertThat(card.steps()).extracting(s -> s.fact().occurredOn())
			.containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 1));
		assertThat(card.changes()).singleElement().satisfies(c -> {
			assertThat(c.on()).isEqualTo(LocalDate.of(2026, 4, 1));
			assertThat(c.cause().cause()).isEqualTo(CreditCause.REFUSED_INSPECTION);
		});
	}

	@Test
	void anotherBureausInstitutionIsNotScoredHere() {
		recorder.inspectionRecorded(new InspectionRecorded(5, 1, "H37010000001", "济南某医院", "370102",
				InspectionResult.REFUSED_TO_COOPERATE, DAY));

		assertThat(ledger.ofYear(2026)).isEmpty();
		assertThat(ledger.scorecard("H37010000001", 2026).score()).isEqualTo(100);
	}

	@Test
	void theGradeBoundsAreTheConfiguredOnes() {
		assertThat(List.of(90, 89, 75, 74, 60, 59).stream().map(config::grade).toList())
			.containsExactly(CreditGrade.A, CreditGrade.B, CreditGrade.B, CreditGrade.C, CreditGrade.C, CreditGrade.D);
	}

	private void penalty(long id, String article, String provider, MeasureKind measure, boolean termination) {
		PenaltyCase pc = mock(PenaltyCase.class);
		when(pc.proposal()).thenReturn(new PenaltyCase.Proposal(List.of(), article, BigDecimal.TEN, null, null, BigDecimal.ONE,
				measure, measure == null ? 0 : 6, termination, List.of(), "inspector1", null));
		when(penalties.find(id)).thenReturn(Optional.of(pc));
		recorder.penaltyDecided(new PenaltyDecided(id, "C-" + id, "淄医保罚〔2026〕" + id + "号", true, provider, "某某医院",
				article, BigDecimal.TEN, BigDecimal.ONE, DAY, null));
	}

	private void refund(String reportId, String provider, String amount, LocalDate on) {
		recorder.selfInspectionRefunded(new SelfInspectionRefunded(reportId, "si-1", provider, "R1", new BigDecimal(amount),
				"重复收费", on));
	}

	private static SignalConfirmed confirmed(String issuedId, String provider, LocalDate on) {
		return new SignalConfirmed(issuedId, "lead-1", provider, "R-DUP-BILL", "R-DUP-BILL|" + provider + "|2026-10",
				new BigDecimal("100"), "重复收费", on, SignalConfirmed.How.ACCEPTED);
	}

	private int rows() {
		return jdbc.sql("select count(*) from credit_fact").query(Integer.class).single();
	}
}

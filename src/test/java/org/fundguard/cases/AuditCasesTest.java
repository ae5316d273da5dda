package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.calendar.Deadlines;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case file core against the real schema (in-memory H2). */
class AuditCasesTest {

	private static final Actor DIRECTOR = new Actor("director1", "director");

	private final List<Object> events = new ArrayList<>();
	private AuditCases cases;
	private EnforcementRecord record;
	private JdbcClient jdbc;
	private Clock clock;

	@BeforeEach
	void schema() throws Exception {
		JdbcDataSource ds = MigratedH2.dataSource("cases");
		jdbc = JdbcClient.create(ds);
		clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), Deadlines.BUREAU_ZONE);
		var ctor = EnforcementRecord.class.getDeclaredConstructor(JdbcClient.class, Clock.class);
		ctor.setAccessible(true);
		record = ctor.newInstance(jdbc, clock);
		cases = new AuditCases(jdbc, clock, new CaseNumbers(jdbc), new Jurisdiction("淄博市医疗保障局", List.of("3703")),
				record, events::add);
	}

	@Test
	void casesAreNumberedByRegionAndYearWithoutGaps() {
		AuditCase first = cases.open(lead("P001"));
		AuditCase second = cases.open(lead("P002"));

		assertThat(first.number()).isEqualTo("370300-2026-000001");
		assertThat(second.number()).isEqualTo("370300-2026-000002");
		assertThat(first.status()).isEqualTo(CaseStatus.TRIAGE);
		assertThat(first.amount()).isEqualByComparingTo("1234.50");
		assertThat(events).containsExactly(new AuditCaseOpened(first.id(), first.number(), CaseSource.LEAD),
				new AuditCaseOpened(second.id(), second.number(), CaseSource.LEAD));
	}

	@Test
	void openingAndFindingsAreStepsInTheRecord() {
		AuditCase c = cases.open(lead("P001"));
		cases.recordFindings(new Findings(c.id(), true, new BigDecimal("800.00"), List.of("38"), Intent.IRREGULAR_USE,
				"重复收费", null, null), new Actor("inspector1", "inspector"), List.of("b".repeat(64)));

		assertThat(cases.findings(c.id()).orElseThrow().articles()).containsExactly("38");
		assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.FINDINGS);
		assertThat(record.entries(c.id())).extracting(RecordEntry::action).containsExactly("CASE_OPENED", "FINDINGS_RECORDED");
		assertThat(record.entries(c.id()).get(1).documentHashes()).containsExactly("b".repeat(64));
		assertThat(record.verify(c.id()).intact()).isTrue();
	}

	@Test
	void openCasesOfASubjectAreTheMergeCandidates() {
		AuditCase open = cases.open(lead("P001"));
		AuditCase closed = cases.open(lead("P001"));
		cases.changeStatus(closed.id(), CaseStatus.CLOSED, DIRECTOR, "CASE_CLOSED", "结案");
		cases.open(lead("P002"));

		assertThat(cases.openCasesOf(SubjectType.INSTITUTION, "P001")).extracting(AuditCase::id).containsExactly(open.id());
	}

	@Test
	void aViolationNeedsArticlesAndIntent() {
		assertThatThrownBy(() -> new Findings(1, true, BigDecimal.TEN, List.of(), null, "", null, null))
			.isInstanceOf(Refused.class)
			.extracting(e -> ((Refused) e).key()).isEqualTo("cases.findings.articles-and-intent");
	}

	@Test
	void aFilingDecisionAndAnOutcomeMustBeChosenWhicheverWayTheTaskWasCompleted() {
		AuditCase c = cases.open(lead("P001"));
		CaseDecisions decisions = new CaseDecisions(jdbc, clock, cases, null, null);

		assertThatThrownBy(() -> decisions.decideFiling(c.id(), null, "", "", DIRECTOR)).isInstanceOf(Refused.class)
			.hasMessage("请选择立案审查结论：立案、并案或不予立案");
		assertThatThrownBy(() -> decisions.decideOutcome(c.id(), null, "", null, null, DIRECTOR)).isInstanceOf(Refused.class)
			.hasMessage("请选择处理决定");
		assertThatThrownBy(() -> decisions.decideFiling(c.id(), FilingDecision.DISMISS, "", " ", DIRECTOR))
			.isInstanceOf(Refused.class).hasMessage("不予立案须写明理由");
		assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.TRIAGE);
	}

	private static NewCase lead(String provider) {
		return new NewCase(SubjectType.INSTITUTION, provider, "淄博市某医院", "370302", CaseSource.LEAD, "lead-1",
				new BigDecimal("1234.50"), "透析频次异常", OffsetDateTime.parse("2026-11-20T10:00+08:00"), DIRECTOR);
	}
}

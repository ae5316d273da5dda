package org.fundguard.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCaseOpened;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A case opened from a lead elsewhere (the director's button, the automatic opening) moves the lead too. */
class CaseFollowerTest {

	private H2Leads h2;
	private final AuditCases cases = mock(AuditCases.class);
	private final EnforcementRecord record = mock(EnforcementRecord.class);
	private CaseFollower follower;

	@BeforeEach
	void setUp() {
		h2 = new H2Leads();
		follower = new CaseFollower(cases, record, h2.states);
		when(cases.find(5)).thenReturn(Optional.of(aCase(5, CaseSource.LEAD, "lead-1")));
		when(cases.find(6)).thenReturn(Optional.of(aCase(6, CaseSource.REPORT, "report-1")));
		when(record.entries(5)).thenReturn(List.of(new RecordEntry(5, 1, OffsetDateTime.now(), "director1", "director",
				"CASE_OPENED", "登记案件", List.of(), "0", "1")));
	}

	private static AuditCase aCase(long id, CaseSource source, String ref) {
		return new AuditCase(id, "370300-2026-00000" + id, SubjectType.INSTITUTION, "H1", "甲", "370303", source, ref,
				BigDecimal.ONE, "", CaseStatus.TRIAGE, OffsetDateTime.now(), OffsetDateTime.now(), "director1", null);
	}

	@Test
	void aCaseFromALeadMovesTheLeadByWhoeverOpenedIt() {
		follower.opened(new AuditCaseOpened(5, "370300-2026-000005", CaseSource.LEAD));

		assertThat(h2.states.history("lead-1")).singleElement().satisfies(c -> {
			assertThat(c.to()).isEqualTo(LeadState.CASE_OPENED);
			assertThat(c.by()).isEqualTo("director1");
			assertThat(c.role()).isEqualTo("director");
			assertThat(c.reason()).isEqualTo("登记稽核案件 370300-2026-000005");
		});
	}

	@Test
	void aLeadMovedAlreadyAndCasesFromElsewhereAreLeftAlone() {
		h2.states.move("lead-1", LeadState.CASE_OPENED, new Actor("analyst1", "analyst"), "登记稽核案件，分析员处置");

		follower.opened(new AuditCaseOpened(5, "370300-2026-000005", CaseSource.LEAD));
		follower.opened(new AuditCaseOpened(6, "370300-2026-000006", CaseSource.REPORT));

		assertThat(h2.states.history("lead-1")).singleElement().extracting(LeadChange::by).isEqualTo("analyst1");
		assertThat(h2.states.of("report-1")).isEqualTo(LeadState.OPEN);
	}

	@Test
	void aVoidLeadRefusesTheCase() {
		h2.states.move("lead-1", LeadState.VOID, new Actor("analyst1", "analyst"), "数据错误");

		assertThatThrownBy(() -> follower.opened(new AuditCaseOpened(5, "370300-2026-000005", CaseSource.LEAD)))
			.isInstanceOf(Refused.class).hasMessageContaining("已作废");
	}
}

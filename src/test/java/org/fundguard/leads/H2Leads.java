package org.fundguard.leads;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.fundguard.cases.CaseEvidence;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lead states on a fresh in-memory H2 with every migration, for the leads unit tests. */
final class H2Leads {

	final JdbcClient jdbc;
	final CaseEvidence evidence = mock(CaseEvidence.class);
	final EnforcementRecord record = mock(EnforcementRecord.class);
	final LeadStates states;

	H2Leads() {
		JdbcDataSource ds = MigratedH2.dataSource("leads");
		jdbc = JdbcClient.create(ds);
		when(evidence.caseOfLead(anyString())).thenReturn(Optional.empty());
		states = new LeadStates(jdbc, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai")),
				evidence, record);
	}
}

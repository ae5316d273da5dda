package org.fundguard.leads;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.fundguard.cases.CaseEvidence;
import org.fundguard.record.EnforcementRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lead states on a fresh in-memory H2 with every migration, for the leads unit tests. */
final class H2Leads {

	final JdbcClient jdbc;
	final CaseEvidence evidence = mock(CaseEvidence.class);
	final EnforcementRecord record = mock(EnforcementRecord.class);
	final LeadStates states;

	H2Leads() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:leads-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		ds.setUser("sa");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(ds);
		when(evidence.caseOfLead(anyString())).thenReturn(Optional.empty());
		states = new LeadStates(jdbc, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai")),
				evidence, record);
	}
}

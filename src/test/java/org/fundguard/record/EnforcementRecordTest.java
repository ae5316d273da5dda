package org.fundguard.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The verifier against the real schema (in-memory H2): each kind of tampering is found at the right entry. */
class EnforcementRecordTest {

	private static final Actor INSPECTOR = new Actor("inspector1", "inspector");
	private static final String DOC = "a".repeat(64);

	private JdbcClient jdbc;
	private EnforcementRecord record;

	@BeforeEach
	void schema() {
		JdbcDataSource ds = MigratedH2.dataSource("record");
		jdbc = JdbcClient.create(ds);
		record = new EnforcementRecord(jdbc, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
		record.append(7, INSPECTOR, "CASE_OPENED", "登记案件");
		record.append(7, new Actor("director1", "director"), "CASE_ACCEPTED", "同意立案");
		record.append(7, INSPECTOR, "FINDINGS_RECORDED", "认定违规", List.of(DOC));
		record.append(7, INSPECTOR, "CASE_CLOSED", "结案");
		record.append(8, INSPECTOR, "CASE_OPENED", "另一案件");
	}

	@Test
	void anUntouchedChainVerifies() {
		assertThat(record.verify(7)).isEqualTo(new ChainVerification(7, true, 4, null, null));
		assertThat(record.verify(8).intact()).isTrue();
		assertThat(record.entries(7)).extracting(RecordEntry::seq).containsExactly(1, 2, 3, 4);
		assertThat(record.entries(7).get(2).documentHashes()).containsExactly(DOC);
		assertThat(record.entries(7).get(1).previousHash()).isEqualTo(record.entries(7).get(0).hash());
	}

	@Test
	void aModifiedEntryIsReportedAtItsPosition() {
		jdbc.sql("update enforcement_record set detail = '认定无违规' where case_id = 7 and seq = 3").update();

		ChainVerification v = record.verify(7);
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBadSeq()).isEqualTo(3);
		assertThat(v.problem()).contains("修改");
		assertThat(record.verify(8).intact()).as("other cases are unaffected").isTrue();
	}

	@Test
	void aChangedDocumentHashOrActorIsReported() {
		jdbc.sql("update enforcement_record set actor_id = 'inspector2' where case_id = 7 and seq = 2").update();

		assertThat(record.verify(7).firstBadSeq()).isEqualTo(2);
	}

	@Test
	void aDeletedEntryIsReported() {
		jdbc.sql("delete from enforcement_record where case_id = 7 and seq = 2").update();

		ChainVerification v = record.verify(7);
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBadSeq()).isEqualTo(2);
	}

	@Test
	void aDeletedLastEntryIsReportedThroughTheHead() {
		jdbc.sql("delete from enforcement_record where case_id = 7 and seq = 4").update();

		ChainVerification v = record.verify(7);
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBadSeq()).isEqualTo(4);
	}

	@Test
	void movedEntriesAreReported() {
		jdbc.sql("update enforcement_record set seq = 99 where case_id = 7 and seq = 2").update();
		jdbc.sql("update enforcement_record set seq = 2 where case_id = 7 and seq = 3").update();
		jdbc.sql("update enforcement_record set seq = 3 where case_id = 7 and seq = 99").update();

		ChainVerification v = record.verify(7);
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBadSeq()).isEqualTo(2);
	}

	@Test
	void anEntryMovedToAnotherCaseIsReported() {
		jdbc.sql("update enforcement_record set case_id = 8, seq = 2 where case_id = 7 and seq = 4").update();

		assertThat(record.verify(8).intact()).isFalse();
		assertThat(record.verify(7).intact()).isFalse();
	}

	@Test
	void aRecomputedForgeryIsStillCaughtByTheNextEntry() {
		RecordEntry second = record.entries(7).get(1);
		String forged = ChainHash.of(7, 2, second.recordedAt(), "director1", "director", "CASE_ACCEPTED", "不予立案",
				List.of(), second.previousHash());
		jdbc.sql("update enforcement_record set detail = '不予立案', hash = ? where case_id = 7 and seq = 2").param(forged).update();

		assertThat(record.verify(7).firstBadSeq()).isEqualTo(3);
	}
}

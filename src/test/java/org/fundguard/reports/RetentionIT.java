package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.fundguard.documents.DocumentType;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention against the real database: what has outlived its period is purged once and recorded without its content,
 * a report whose case is still open is kept whole, and the handlers see what falls due within the warning days.
 */
@IntegrationTest
class RetentionIT {

	private static final CurrentUser HANDLER = new CurrentUser("handler1", "孙丽", Set.of(Role.REPORT_HANDLER));

	@Autowired
	Reports reports;

	@Autowired
	ReporterIdentities identities;

	@Autowired
	ReportMessages messages;

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whatOutlivedItsPeriodIsPurgedOnceAndWhatAnOpenCaseNeedsIsKept() {
		OffsetDateTime longAgo = OffsetDateTime.now().minusYears(6);
		long anonymous = report(false, "已结案的匿名举报：该诊所虚构门诊");
		close(anonymous, longAgo);
		long paid = report(true, "实名举报，奖励已发放");
		close(paid, longAgo);
		jdbc.sql("update report set reward_paid_at = ? where id = ?").params(longAgo, paid).update();
		long declined = report(false, "不予受理的举报");
		jdbc.sql("update report set status = 'DECLINED', decided_at = ? where id = ?").params(longAgo, declined).update();
		long stillNeeded = report(false, "匿名举报，案件仍在调查");
		close(stillNeeded, longAgo);
		jdbc.sql("update report set case_id = ? where id = ?").params(openCase(), stillNeeded).update();
		long soon = report(false, "十天后到期的匿名举报");
		close(soon, OffsetDateTime.now().minusYears(5).plusDays(10));

		assertThat(retention.dueWithinWarning()).extracting(Retention.Due::reportId).contains(soon, anonymous, paid, declined)
			.as("not yet purged, but not hidden from the handlers either").contains(stillNeeded);
		retention.purge();
		int again = retention.purge();

		assertThat(reports.find(anonymous).orElseThrow().description()).isEqualTo(Retention.PURGED_TEXT);
		assertThat(messages.of(anonymous)).isEmpty();
		assertThat(reports.evidence(anonymous)).isEmpty();
		assertThat(identities.of(paid, HANDLER)).isEmpty();
		assertThat(reports.evidence(declined)).isEmpty();
		assertThat(reports.find(stillNeeded).orElseThrow().description()).isEqualTo("匿名举报，案件仍在调查");
		assertThat(reports.evidence(stillNeeded)).hasSize(1);
		assertThat(reports.find(soon).orElseThrow().description()).isEqualTo("十天后到期的匿名举报");
		assertThat(again).as("a rerun purges nothing twice").isZero();

		List<String> journal = jdbc.sql("select detail from retention_purge where report_id in (?, ?, ?)")
			.params(anonymous, paid, declined).query(String.class).list();
		assertThat(journal).hasSize(3).noneMatch(d -> d.contains("虚构门诊") || d.contains("欧阳"));
	}

	private long report(boolean realName, String description) {
		ReporterIdentity who = realName ? new ReporterIdentity(ReporterKind.PERSON, "欧阳明月", "370302199001011239", "13912345678") : null;
		var receipt = reports.submit(new NewReport(SubjectKind.OTHER_INSTITUTION, null, "保存期限测试诊所", ReportCategory.FAKE_TREATMENT,
				description, "2020 年", new BigDecimal("1000"), realName, who,
				List.of(new Evidence("证据1.txt", DocumentType.TEXT, "收费单据".getBytes(StandardCharsets.UTF_8)))));
		long id = reports.findByNumber(receipt.number()).orElseThrow().id();
		messages.fromReporter(id, "补充：" + description);
		return id;
	}

	private void close(long id, OffsetDateTime at) {
		jdbc.sql("update report set status = 'CLOSED', closed_at = ? where id = ?").params(at, id).update();
	}

	private long openCase() {
		String number = "IT-" + UUID.randomUUID().toString().substring(0, 12);
		jdbc.sql("""
				insert into audit_case (case_number, subject_type, subject_key, subject_name, source, amount, summary, status,
				  received_at, opened_at, opened_by)
				values (?, 'INSTITUTION', 'H37030299998', '保存期限测试诊所', 'REPORT', 1000, '保存期限测试', 'INVESTIGATING', ?, ?, 'it')
				""").params(number, OffsetDateTime.now(), OffsetDateTime.now()).update();
		return jdbc.sql("select id from audit_case where case_number = ?").param(number).query(Long.class).single();
	}
}

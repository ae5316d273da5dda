package org.fundguard.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (保存期限) of what reporters gave: closed anonymous reports' content, real-name identities once the
 * reward is paid or lapsed, and the evidence of reports not accepted, each purged when its period has run. A report
 * whose case is still open is kept whole: the case may still need it. Each purge is recorded (kind, report, when,
 * how much), never what was purged; the handlers see what is due within the warning days.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);
	static final String CONTENT = "CLOSED_ANONYMOUS";
	static final String IDENTITY = "REPORTER_IDENTITY";
	static final String EVIDENCE = "DISMISSED_EVIDENCE";
	static final String PURGED_TEXT = "（已按保存期限清除）";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final RetentionProperties properties;
	private final AuditCases cases;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;

	Retention(JdbcClient jdbc, Clock clock, RetentionProperties properties, AuditCases cases, TransactionTemplate tx,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.cases = cases;
		this.tx = tx;
		this.events = events;
	}

	/** One report and kind due for purging, and from when. */
	public record Due(String kind, long reportId, String reportNumber, OffsetDateTime purgeOn) {

		public String kindLabel() {
			return switch (kind) {
				case CONTENT -> "匿名举报内容（描述、消息、证据）";
				case IDENTITY -> "实名举报人身份信息";
				default -> "不予受理举报的证据";
			};
		}
	}

	/** Once across nodes: two nodes purging the same report at once would both try to record the purge. */
	@Scheduled(cron = "${fundguard.retention.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "reports-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	public void nightly() {
		int purged = purge();
		if (purged > 0) {
			log.info("retention: {} purge(s) done", purged);
		}
		warn();
	}

	/** Announces what falls due within the warning days, so the handlers are told and need not look at the list. */
	public int warn() {
		List<Due> due = dueWithinWarning();
		for (Due d : due) {
			events.publishEvent(new RetentionDueSoon(d.kind(), d.kindLabel(), d.reportId(), d.reportNumber(), d.purgeOn()));
		}
		return due.size();
	}

	/** Purges everything whose period has run; returns how many purges were made. */
	public int purge() {
		OffsetDateTime now = now();
		int done = 0;
		for (Due d : candidates()) {
			if (!d.purgeOn().isAfter(now) && caseNoLongerNeeds(d.reportId())) {
				Integer made = tx.execute(status -> purge(d, now));
				done += made == null ? 0 : made;
			}
		}
		return done;
	}

	/** What will be purged within the warning days, for the handlers: the earliest first. */
	public List<Due> dueWithinWarning() {
		OffsetDateTime limit = now().plusDays(properties.warningDays());
		return candidates().stream()
			.filter(d -> !d.purgeOn().isAfter(limit))
			.sorted(java.util.Comparator.comparing(Due::purgeOn))
			.toList();
	}

	List<Due> candidates() {
		List<Due> due = new ArrayList<>();
		jdbc.sql("""
				select id, report_number, closed_at from report where anonymous = true and status = 'CLOSED'
				and closed_at is not null and purged = false""")
			.query((rs, n) -> due.add(new Due(CONTENT, rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).plus(properties.closedAnonymousReports()))))
			.list();
		jdbc.sql("""
				select r.id, r.report_number, r.reward_paid_at, r.claim_due, r.reward_claimed_at, r.closed_at, r.wants_reward
				from report r join report_identity i on i.report_id = r.id where r.status = 'CLOSED'""")
			.query((rs, n) -> {
				OffsetDateTime paid = rs.getObject(3, OffsetDateTime.class);
				OffsetDateTime claimDue = rs.getObject(4, OffsetDateTime.class);
				OffsetDateTime claimed = rs.getObject(5, OffsetDateTime.class);
				OffsetDateTime closed = rs.getObject(6, OffsetDateTime.class);
				// the reward paid, or lapsed (offered, never claimed by its due date), or none to wait for
				OffsetDateTime end = paid != null ? paid : claimDue != null && claimed == null ? claimDue : closed;
				if (end != null && (paid != null || claimed == null)) {
					due.add(new Due(IDENTITY, rs.getLong(1), rs.getString(2), end.plus(properties.reporterIdentities())));
				}
				return null;
			})
			.list();
		jdbc.sql("""
				select distinct r.id, r.report_number, r.decided_at from report r join report_evidence e on e.report_id = r.id
				where r.status = 'DECLINED' and r.decided_at is not null""")
			.query((rs, n) -> due.add(new Due(EVIDENCE, rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).plus(properties.dismissedEvidence()))))
			.list();
		return due;
	}

	private boolean caseNoLongerNeeds(long reportId) {
		Long caseId = jdbc.sql("select case_id from report where id = ?").param(reportId).query(Long.class).optional().orElse(null);
		return caseId == null || cases.find(caseId).map(c -> c.status() == CaseStatus.CLOSED || c.status() == CaseStatus.DISMISSED
				|| c.status() == CaseStatus.MERGED).orElse(true);
	}

	private int purge(Due d, OffsetDateTime now) {
		String detail;
		switch (d.kind()) {
			case CONTENT -> {
				int messages = jdbc.sql("delete from report_message where report_id = ?").param(d.reportId()).update();
				int evidence = jdbc.sql("delete from report_evidence where report_id = ?").param(d.reportId()).update();
				jdbc.sql("""
						update report set description = ?, happened = null, decline_reason = null, conclusion = null,
						case_notice = null, purged = true where id = ?""")
					.params(PURGED_TEXT, d.reportId())
					.update();
				detail = "清除举报描述、" + messages + " 条消息、" + evidence + " 份证据";
			}
			case IDENTITY -> {
				jdbc.sql("delete from report_identity where report_id = ?").param(d.reportId()).update();
				detail = "清除实名举报人身份信息";
			}
			default -> {
				int evidence = jdbc.sql("delete from report_evidence where report_id = ?").param(d.reportId()).update();
				detail = "清除 " + evidence + " 份证据";
			}
		}
		jdbc.sql("insert into retention_purge (kind, report_id, report_number, purged_at, detail) values (?, ?, ?, ?, ?)")
			.params(d.kind(), d.reportId(), d.reportNumber(), now, detail)
			.update();
		return 1;
	}

	/** The purges made, newest first: what and when, never the content. */
	public List<String> journal(int limit) {
		return jdbc.sql("select report_number, kind, purged_at, detail from retention_purge order by id desc")
			.query((rs, n) -> rs.getString(1) + " · " + new Due(rs.getString(2), 0, null, null).kindLabel() + " · "
					+ rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate() + " · "
					+ rs.getString(4))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}
}

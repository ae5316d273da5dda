package org.fundguard.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fundguard.appeals.AnswerReminderDue;
import org.fundguard.appeals.SignalsIssued;
import org.fundguard.calendar.Deadlines;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.reports.ReportVariables;
import org.fundguard.reports.ReporterWrote;
import org.fundguard.reports.RetentionDueSoon;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The moments other modules announce that someone must hear of: told in the announcing transaction, so a rolled-back
 * message or issuing tells nobody.
 */
@Component
class ReportsAndSignals {

	private final Notifications notifications;
	private final Recipients recipients;
	private final TaskGateway tasks;
	private final Deadlines deadlines;

	ReportsAndSignals(Notifications notifications, Recipients recipients, TaskGateway tasks, Deadlines deadlines) {
		this.notifications = notifications;
		this.recipients = recipients;
		this.tasks = tasks;
		this.deadlines = deadlines;
	}

	/**
	 * A reporter wrote: whoever holds one of the report's open tasks; while nobody holds one, every report handler
	 * (the report belongs to the handlers' group until claimed). Nobody else reads reports.
	 */
	@EventListener
	void reporterWrote(ReporterWrote event) {
		Set<String> holders = new LinkedHashSet<>();
		for (WorkItem task : tasks.openWhere(ReportVariables.REPORT_ID, event.reportId(), ReportVariables.KEY)) {
			if (task.assignee() != null) {
				holders.add(task.assignee());
			}
		}
		List<String> to = holders.isEmpty()
				? recipients.withRole(Role.REPORT_HANDLER).stream().map(Recipients.Recipient::username).toList()
				: List.copyOf(holders);
		String number = event.reportNumber() == null ? "（尚未编号）" : event.reportNumber();
		notifications.tell(to, new Notice(NoticeKind.REPORTER_MESSAGE, "举报 " + number + " 有举报人新留言",
				"举报人在举报 " + number + " 上留言，请登录平台查看并答复。留言内容不随通知发送。",
				event.reportNumber() == null ? "/reports" : "/reports/" + event.reportNumber(),
				"report-message:" + event.messageId()));
	}

	/** Signals issued to an institution: its own users, and no other institution's. */
	@EventListener
	void signalsIssued(SignalsIssued event) {
		List<String> to = recipients.ofInstitution(event.providerCode()).stream().map(Recipients.Recipient::username)
			.toList();
		notifications.tell(to, new Notice(NoticeKind.SIGNAL_ISSUED, "收到 " + event.count() + " 条医保疑点，请按期答复",
				"医保部门向贵机构（%s）下发疑点 %d 条，涉及金额 %s 元。请于 %s 前逐条确认或提出申诉；逾期未答复的视为确认。"
					.formatted(event.providerCode(), event.count(), event.amount().toPlainString(),
							deadlines.lastDayText(event.deadline())),
				"/institution/signals", "signals-issued:" + event.leadId() + ":" + event.deadline().toInstant()));
	}

	/** The answer reminder: the institution's users and its configured contact address. */
	@EventListener
	void answerReminderDue(AnswerReminderDue event) {
		Notice notice = new Notice(NoticeKind.SIGNAL_ANSWER_REMINDER, "疑点答复即将到期提醒",
				"""
				贵机构（%s）：医保部门下发的疑点尚未答复，答复期限为 %s，剩余 %d 个工作日。逾期未答复的，视为确认，相应医保基金将予以追回。
				疑点：%s
				涉及金额：%s 元
				请登录医保基金监管平台（机构端“疑点答复”）确认或提出申诉。"""
					.formatted(event.providerCode(), deadlines.lastDayText(event.deadline()),
							deadlines.workingDaysLeft(event.deadline()), event.evidence(), event.amount().toPlainString()),
				"/institution/signals/" + event.issuedSignalId(), "signal-reminder:" + event.issuedSignalId());
		notifications.tell(recipients.ofInstitution(event.providerCode()).stream().map(Recipients.Recipient::username)
			.toList(), notice);
		if (event.contactEmail() != null) {
			notifications.tellAddress(event.providerCode(), event.contactEmail(), notice);
		}
	}

	/**
	 * What a reporter gave is to be purged soon: every report handler, once per report and kind, so that a report a
	 * case may yet need can be looked at before it goes. The content itself is not in the notice.
	 */
	@EventListener
	void retentionDueSoon(RetentionDueSoon event) {
		String number = event.reportNumber() == null ? "（未编号）" : event.reportNumber();
		notifications.tell(recipients.withRole(Role.REPORT_HANDLER).stream().map(Recipients.Recipient::username).toList(),
				new Notice(NoticeKind.RETENTION_WARNING, "举报 " + number + " 的" + event.kindLabel() + "即将按保存期限清除",
						"举报 %s 的%s将于 %s 起按保存期限清除。如案件或处罚仍需要，请在此前核查；清除后只留记录，不留内容。"
							.formatted(number, event.kindLabel(), event.purgeOn().atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate()
								.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"))),
						"/reports", "retention:" + event.kind() + ":" + event.reportId()));
	}
}

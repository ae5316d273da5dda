package org.fundguard.notifications;

/** What a notification is about, as the bell and the mail name it. */
public enum NoticeKind {
	DEADLINE_REMINDER("截止提醒"),
	ESCALATION("逾期督办"),
	REPORTER_MESSAGE("举报人留言"),
	SIGNAL_ISSUED("疑点下发"),
	SIGNAL_ANSWER_REMINDER("疑点答复提醒"),
	RETENTION_WARNING("保存期限到期预警");

	private final String label;

	NoticeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

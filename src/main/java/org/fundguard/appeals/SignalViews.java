package org.fundguard.appeals;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentStore;
import org.fundguard.rules.RuleLabels;
import org.springframework.stereotype.Component;

/** An issued signal as the pages and the API show it: Chinese labels, dates in Asia/Shanghai, working days left. */
@Component
class SignalViews {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One appeal document: its id and file name. */
	record Document(String id, String fileName) {
	}

	/**
	 * @param state the state's code (AWAITING, ACCEPTED, APPEALED, UPHELD, REJECTED, DEADLINE_PASSED)
	 * @param lastDay the last day of the answer period (with the provisional-calendar note when it applies)
	 * @param workingDaysLeft working days left to answer: 0 on the last day, negative after; null once answered
	 */
	record SignalView(String id, String leadId, String ruleId, String rule, String evidence, BigDecimal amount,
			String state, String stateLabel, String lastDay, Integer workingDaysLeft, boolean awaiting, String explanation,
			List<Document> documents, String answeredAt, String decisionReason, String decidedAt, String reminderNote) {
	}

	private final Deadlines deadlines;
	private final RuleLabels labels;
	private final DocumentStore documents;

	SignalViews(Deadlines deadlines, RuleLabels labels, DocumentStore documents) {
		this.deadlines = deadlines;
		this.labels = labels;
		this.documents = documents;
	}

	SignalView of(IssuedSignal s) {
		boolean awaiting = s.state() == SignalState.AWAITING;
		return new SignalView(s.id(), s.leadId(), s.ruleId(), labels.name(s.ruleId()), s.evidenceSummary(), s.amount(),
				s.state().name(), s.state().label(), deadlines.lastDayText(s.deadline()),
				awaiting ? deadlines.workingDaysLeft(s.deadline()) : null, awaiting, s.answer(),
				s.documentIds().stream()
					.map(id -> new Document(id, documents.find(id).map(d -> d.fileName()).orElse(id)))
					.toList(),
				time(s.answeredAt()), s.decisionReason(), time(s.decidedAt()), s.reminderNote());
	}

	List<SignalView> of(List<IssuedSignal> signals) {
		return signals.stream().map(this::of).toList();
	}

	private static String time(java.time.OffsetDateTime t) {
		return t == null ? null : t.atZoneSameInstant(Deadlines.BUREAU_ZONE).format(MINUTE);
	}
}

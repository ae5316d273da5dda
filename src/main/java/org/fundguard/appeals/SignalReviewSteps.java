package org.fundguard.appeals;

import java.util.Date;
import java.util.stream.Collectors;

import org.fundguard.appeals.SignalReviewVariables.Answer;
import org.fundguard.appeals.SignalReviewVariables.AppealOutcome;
import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentStore;
import org.fundguard.errors.Refused;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/signal-review.bpmn (bean {@code signalReviewSteps}): the issued signal's id in, one method of the
 * module out. The timers' dates come from here, counted in working days by the calendar.
 */
@Component("signalReviewSteps")
public class SignalReviewSteps {

	private final SignalReview review;
	private final DeadlineReminders reminders;
	private final TaskGateway tasks;
	private final Deadlines deadlines;
	private final AppealsProperties config;
	private final DocumentStore documents;

	SignalReviewSteps(SignalReview review, DeadlineReminders reminders, TaskGateway tasks, Deadlines deadlines,
			AppealsProperties config, DocumentStore documents) {
		this.review = review;
		this.reminders = reminders;
		this.tasks = tasks;
		this.deadlines = deadlines;
		this.config = config;
		this.documents = documents;
	}

	/** The end of the answer period: timer and due date of Task_AnswerSignal. */
	public Date answerDue(String issuedSignalId) {
		return Date.from(review.get(issuedSignalId).deadline().toInstant());
	}

	/** 09:00 of the working day {@code reminder-working-days} before the answer deadline's last day. */
	public Date reminderAt(String issuedSignalId) {
		return deadlines.reminderBefore(answerDue(issuedSignalId), config.reminderWorkingDays());
	}

	/** The end of the review of an appeal: due date of Task_ReviewAppeal. */
	public Date reviewDue(String issuedSignalId) {
		IssuedSignal s = review.get(issuedSignalId);
		return s.reviewDeadline() == null ? deadlines.workingDaysFromNow(config.reviewWorkingDays())
				: Date.from(s.reviewDeadline().toInstant());
	}

	/** Complete listener of Task_AnswerSignal. */
	public void answered(String issuedSignalId, String taskId) {
		TaskValues v = tasks.values(taskId);
		// Tasklist submits any variable with a form, issuedSignalId too: the task must be this signal's institution's
		String group = org.fundguard.identity.Role.institutionGroup(review.get(issuedSignalId).providerCode());
		if (!v.offeredTo().equals(java.util.Optional.of(group))) {
			throw org.fundguard.errors.Refused.forbidden("appeals.signal.not-yours");
		}
		Answer answer = parse(Answer.class, v.text(SignalReviewVariables.ANSWER));
		review.answer(issuedSignalId, answer, v.text(SignalReviewVariables.EXPLANATION),
				TaskValues.split(v.text(SignalReviewVariables.DOCUMENT_IDS)), v.userId());
	}

	/** Service task after the reminder timer. */
	public void remind(String issuedSignalId) {
		reminders.remind(issuedSignalId);
	}

	/** Service task after the answer deadline's timer: the unanswered signal is confirmed. */
	public void deadlinePassed(String issuedSignalId) {
		review.confirmAtDeadline(issuedSignalId);
	}

	/** The appeal's documents as the review form shows them: name and where to open it, one a line. */
	public String documents(String issuedSignalId) {
		IssuedSignal s = review.get(issuedSignalId);
		if (s.documentIds().isEmpty()) {
			return "（未附材料）";
		}
		return s.documentIds().stream()
			.map(id -> documents.find(id).map(d -> d.fileName() + "：/appeals/signals/" + s.id() + "/documents/" + id)
				.orElse(id))
			.collect(Collectors.joining("\n"));
	}

	/** Assignment listener of Task_ReviewAppeal: the analyst who issued the signal does not take its review. */
	public void reviewerTakes(String issuedSignalId, String taskId) {
		review.mayReview(issuedSignalId, tasks.values(taskId).userId());
	}

	/** Complete listener of Task_ReviewAppeal. */
	public void reviewed(String issuedSignalId, String taskId) {
		TaskValues v = tasks.values(taskId);
		review.decide(issuedSignalId, parse(AppealOutcome.class, v.text(SignalReviewVariables.APPEAL_OUTCOME)),
				v.text(SignalReviewVariables.DECISION_REASON), v.userId());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refused.because("appeals.choice.unknown", value);
		}
	}
}

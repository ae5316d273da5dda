package org.fundguard.appeals;

import java.util.Optional;

import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/**
 * The institution answers on its signals page; the bureau reviews an appeal on the issued signal's page. The subject
 * of both is the signal's evidence, not its id.
 */
@Component
class SignalReviewTaskPages implements TaskPages {

	private final TaskGateway tasks;
	private final SignalReview review;

	SignalReviewTaskPages(TaskGateway tasks, SignalReview review) {
		this.tasks = tasks;
		this.review = review;
	}

	@Override
	public Optional<String> pageOf(WorkItem task) {
		if (!SignalReviewVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		Object id = tasks.variable(task.id(), SignalReviewVariables.ISSUED_SIGNAL_ID);
		return Optional.of(InstitutionSignals.ANSWER_TASK.equals(task.key()) ? "/institution/signals/" + id
				: "/appeals/signals/" + id);
	}

	@Override
	public Optional<String> subjectOf(WorkItem task) {
		if (!SignalReviewVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		IssuedSignal s = review.findOrNull(String.valueOf(tasks.variable(task.id(), SignalReviewVariables.ISSUED_SIGNAL_ID)));
		return s == null ? Optional.empty() : Optional.of(EvidenceText.clipped(s.evidenceSummary(), 60));
	}
}

package org.fundguard.penalties.process.legacy;

import org.fundguard.penalties.PenaltyVariables;
import org.fundguard.process.ModelVersions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves legal reviews running on a version deployed before issue 14 to today's legal-review.bpmn at start-up. Their
 * activities are today's (the same ids), so Camunda's migration takes them; they must move, because their old model
 * names beans that are gone and routes on {@code 'approve'} while the review form (bound "latest") now submits
 * {@code APPROVE}. A review called by an old penalty procedure returns to it as before: the old call has no
 * out-mappings. Old reviews not yet started are started on today's version by the old call ("latest").
 * <p>
 * The penalty procedures themselves are not moved (see {@link PenaltyStepsBeforeIssue14}), which is why
 * {@link PenaltyVariables} is not marked {@code @MigrateRunningInstances}. Delete with that class.
 */
@Component
class LegalReviewVersions {

	private final ModelVersions versions;

	LegalReviewVersions(ModelVersions versions) {
		this.versions = versions;
	}

	/** First among the start-up listeners, so before the job executor starts and before anyone works a review. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void moveLegalReviews() {
		versions.moveToLatest(PenaltyVariables.LEGAL_REVIEW);
	}
}

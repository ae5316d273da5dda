package org.fundguard.cases;

import java.util.List;

/**
 * What other modules know a case belongs to (a campaign, 专项整治), for the case page: they implement this, so the
 * case page can name them without cases depending on those modules.
 */
public interface CaseTags {

	/** A label to show and the page it links to. */
	record Tag(String label, String href) {
	}

	List<Tag> of(AuditCase auditCase);
}

package org.fundguard.leads;

import java.time.OffsetDateTime;

/**
 * One change of a lead's state: who (user id and the role they acted in), when and why.
 *
 * @param role the role id the change was made in ({@code system} for automatic changes)
 */
public record LeadChange(String leadId, LeadState from, LeadState to, String by, String role, OffsetDateTime at,
		String reason) {
}

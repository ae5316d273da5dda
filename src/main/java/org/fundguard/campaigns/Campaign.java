package org.fundguard.campaigns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A defined campaign (专项整治) and the two phases it started: the self-inspection and the inspection plan.
 *
 * @param sampleCount the institutions the plan draws; for a full plan, every institution in scope when defined
 */
public record Campaign(long id, String name, LocalDate from, LocalDate to, CampaignScope scope, List<String> ruleIds,
		InspectionMode inspectionMode, int sampleCount, long selfInspectionId, long planId, String definedBy,
		OffsetDateTime definedAt) {

	/** The inspection phase: a random draw of some institutions, or all of them (全覆盖检查). */
	public enum InspectionMode {
		RANDOM("随机抽查"), FULL("全面检查");

		private final String label;

		InspectionMode(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Whether a day falls in the campaign's period. */
	public boolean during(LocalDate day) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}
}

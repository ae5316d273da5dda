package org.fundguard.selfinspections;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A launched self-inspection as stored; {@code deadline} is the last moment an institution may report. */
public record SelfInspection(long id, String name, List<String> ruleIds, LocalDate from, LocalDate to,
		List<String> regions, List<String> providerTypes, List<String> providerCodes, int deadlineWorkingDays,
		OffsetDateTime deadline, Status status, String processInstanceId, String launchedBy, OffsetDateTime launchedAt, String closedBy,
		OffsetDateTime closedAt, String closingNote) {

	public enum Status {
		OPEN("进行中"), CLOSED("已结束");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean covers(String ruleId) {
		return ruleIds.contains(ruleId);
	}
}

package org.fundguard.inspections;

import java.time.LocalDate;

/**
 * An on-site inspection's result was recorded, in its transaction: credit counts a refusal to cooperate, coverage
 * counts the inspection, campaigns count it when its plan belongs to one.
 *
 * @param recordedOn the day of the record, in the bureau's time zone
 */
public record InspectionRecorded(long inspectionId, long planId, String providerCode, String providerName,
		String providerRegion, InspectionResult result, LocalDate recordedOn) {
}

package org.fundguard.rechecks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The yearly re-check draw (抽查复查), as a bureau sets it.
 *
 * @param sampleCount how many items to re-check, or null to draw a share ({@code sampleRatioBasisPoints})
 * @param sampleRatioBasisPoints the share of the year's closed cases and recorded inspections to re-check, in basis
 *     points (500 = 5%), rounded up; used when no count is set
 * @param reviewersPerItem inspectors drawn to re-check each item (at least 2), never those who handled it
 * @param dueWorkingDays the re-check is due this many Chinese working days after the draw (20)
 */
@ConfigurationProperties("fundguard.rechecks")
public record RechecksProperties(Integer sampleCount, Integer sampleRatioBasisPoints, Integer reviewersPerItem,
		Integer dueWorkingDays) {

	public RechecksProperties {
		sampleRatioBasisPoints = sampleCount == null && sampleRatioBasisPoints == null ? Integer.valueOf(500)
				: sampleRatioBasisPoints;
		reviewersPerItem = reviewersPerItem == null ? 2 : Math.max(2, reviewersPerItem);
		dueWorkingDays = dueWorkingDays == null ? 20 : Math.max(1, dueWorkingDays);
	}
}

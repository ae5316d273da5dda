package org.fundguard.inspections;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of double-random inspections (双随机一公开), which a bureau may change.
 *
 * @param defaultSamplePercent share of the institutions in scope a new plan draws (10%)
 * @param defaultInspectorsPerInstitution team size a new plan proposes; never below 2 (Art. 29)
 * @param recuseSameRegion whether an inspector is never drawn for an institution in his or her unit's region
 * @param resultPublicationWorkingDays results are published within this many working days of the on-site record (20)
 * @param riskWeightCap the largest draw weight a risky institution gets (weight = 1 + Σ risk scores of its open
 *     leads, rounded, at most this), so that no institution is certain to be drawn
 * @param defaultDeadlineWorkingDays a new plan's inspections are due this many working days from today
 */
@ConfigurationProperties("fundguard.inspections")
public record InspectionsProperties(BigDecimal defaultSamplePercent, Integer defaultInspectorsPerInstitution,
		Boolean recuseSameRegion, Integer resultPublicationWorkingDays, Integer riskWeightCap,
		Integer defaultDeadlineWorkingDays) {

	public InspectionsProperties {
		defaultSamplePercent = defaultSamplePercent == null ? BigDecimal.TEN : defaultSamplePercent;
		defaultInspectorsPerInstitution = Math.max(2, defaultInspectorsPerInstitution == null ? 2 : defaultInspectorsPerInstitution);
		recuseSameRegion = recuseSameRegion == null || recuseSameRegion;
		resultPublicationWorkingDays = resultPublicationWorkingDays == null ? 20 : resultPublicationWorkingDays;
		riskWeightCap = riskWeightCap == null ? 20 : Math.max(1, riskWeightCap);
		defaultDeadlineWorkingDays = defaultDeadlineWorkingDays == null ? 60 : defaultDeadlineWorkingDays;
	}
}

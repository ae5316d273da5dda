package org.fundguard.coverage;

/** The counts of one region (统筹区) under the three full coverages. */
public record RegionCoverage(String region, int institutions, int selfInspected, int audited, int inspected,
		int fullyCovered) {

	RegionCoverage plus(InstitutionCoverage i) {
		return new RegionCoverage(region, institutions + 1, selfInspected + (i.selfInspection() ? 1 : 0),
				audited + (i.routineAudit() ? 1 : 0), inspected + (i.randomInspection() ? 1 : 0),
				fullyCovered + (i.fullyCovered() ? 1 : 0));
	}
}

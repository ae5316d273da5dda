package org.fundguard.coverage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year's coverage: every institution of the regions asked for, gaps first, and the counts per region and in all.
 *
 * @param computedAt when the figures were read
 */
public record CoverageReport(int year, List<String> regionPrefixes, List<InstitutionCoverage> institutions,
		List<RegionCoverage> regions, RegionCoverage total, OffsetDateTime computedAt) {

	public List<InstitutionCoverage> gaps() {
		return institutions.stream().filter(i -> !i.fullyCovered()).toList();
	}
}

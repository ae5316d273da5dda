package org.fundguard.inspections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;

/**
 * What an inspector fills in for a plan.
 *
 * @param regions region-code prefixes in scope; empty = the whole jurisdiction
 * @param providerTypes hospital, clinic, pharmacy; empty = all
 * @param levels hospital grades 3, 2, 1, 0; empty = all
 * @param sampleCount institutions to draw, or null to draw {@code samplePercent}
 * @param samplePercent percentage to draw (at most two decimals), used when there is no count
 * @param crossCity a provincial bureau's cross-city joint inspection (跨市交叉互查): teams only of inspectors of other
 *     cities than the institution's, and a further-handling result goes to the institution's city
 */
public record PlanDraft(String name, int year, List<String> regions, List<String> providerTypes, List<String> levels,
		Integer sampleCount, BigDecimal samplePercent, DrawParameters.Stratification stratifyBy, boolean riskWeighted,
		int inspectorsPerInstitution, LocalDate deadline, boolean crossCity) {

	/** An ordinary plan of one bureau, without the cross-city recusal. */
	public PlanDraft(String name, int year, List<String> regions, List<String> providerTypes, List<String> levels,
			Integer sampleCount, BigDecimal samplePercent, DrawParameters.Stratification stratifyBy, boolean riskWeighted,
			int inspectorsPerInstitution, LocalDate deadline) {
		this(name, year, regions, providerTypes, levels, sampleCount, samplePercent, stratifyBy, riskWeighted,
				inspectorsPerInstitution, deadline, false);
	}

	static final List<String> TYPES = List.of("hospital", "clinic", "pharmacy");
	static final List<String> LEVELS = List.of("3", "2", "1", "0");

	public PlanDraft {
		if (name == null || name.isBlank()) {
			throw Refused.because("inspections.plan.name-required");
		}
		name = name.strip();
		if (year < 2000 || year > 2100) {
			throw Refused.because("inspections.plan.bad-year", year);
		}
		regions = clean(regions);
		for (String r : regions) {
			if (!r.matches("\\d{2,6}")) {
				throw Refused.because("inspections.plan.bad-region", r);
			}
		}
		providerTypes = clean(providerTypes);
		if (!TYPES.containsAll(providerTypes)) {
			throw Refused.because("inspections.plan.bad-provider-type");
		}
		levels = clean(levels);
		if (!LEVELS.containsAll(levels)) {
			throw Refused.because("inspections.plan.bad-level");
		}
		if (sampleCount == null && samplePercent == null) {
			throw Refused.because("inspections.plan.sample-required");
		}
		if (sampleCount != null) {
			samplePercent = null;
		}
		else if (samplePercent.signum() <= 0 || samplePercent.compareTo(BigDecimal.valueOf(100)) > 0
				|| samplePercent.stripTrailingZeros().scale() > 2) {
			throw Refused.because("inspections.plan.bad-percent");
		}
		if (deadline == null) {
			throw Refused.because("inspections.plan.deadline-required");
		}
		stratifyBy = stratifyBy == null ? DrawParameters.Stratification.NONE : stratifyBy;
		// the draw's own checks (count ≥ 1, team ≥ 2) apply to the draft as well (fields are not assigned yet here)
		parameters(sampleCount, samplePercent, stratifyBy, riskWeighted, inspectorsPerInstitution, true);
	}

	/** The draw parameters of this plan, with the bureau's recusal setting. */
	DrawParameters parameters(boolean recuseSameRegion) {
		Integer basisPoints = samplePercent == null ? null
				: samplePercent.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
		return new DrawParameters(sampleCount, basisPoints, stratifyBy, riskWeighted, inspectorsPerInstitution,
				recuseSameRegion, crossCity);
	}

	private static DrawParameters parameters(Integer count, BigDecimal percent, DrawParameters.Stratification stratifyBy,
			boolean riskWeighted, int team, boolean recuseSameRegion) {
		Integer basisPoints = percent == null ? null
				: percent.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
		return new DrawParameters(count, basisPoints, stratifyBy, riskWeighted, team, recuseSameRegion);
	}

	private static List<String> clean(List<String> values) {
		return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().sorted().toList();
	}
}

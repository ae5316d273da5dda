package org.fundguard.selfinspections;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;

/**
 * What a director launches: a name, the rules (ids of the rules catalogue), the period of settlement dates, the scope
 * (region prefixes, provider types and/or an explicit list of provider codes; at least one of them) and the deadline
 * in working days from the launch.
 */
public record SelfInspectionDraft(String name, List<String> ruleIds, LocalDate from, LocalDate to, List<String> regions,
		List<String> providerTypes, List<String> providerCodes, int deadlineWorkingDays) {

	/** More than half a year of working days is no deadline for a self-inspection: it is a typo. */
	static final int MAX_DEADLINE = 120;

	public SelfInspectionDraft {
		name = name == null ? "" : name.strip();
		ruleIds = clean(ruleIds);
		regions = clean(regions);
		providerTypes = clean(providerTypes);
		providerCodes = clean(providerCodes);
		if (name.isEmpty()) {
			throw Refused.because("selfinspections.launch.no-name");
		}
		if (ruleIds.isEmpty()) {
			throw Refused.because("selfinspections.launch.no-rules");
		}
		if (from == null || to == null || to.isBefore(from)) {
			throw Refused.because("selfinspections.launch.bad-period");
		}
		if (regions.isEmpty() && providerTypes.isEmpty() && providerCodes.isEmpty()) {
			throw Refused.because("selfinspections.launch.no-scope");
		}
		if (deadlineWorkingDays < 1 || deadlineWorkingDays > MAX_DEADLINE) {
			throw Refused.because("selfinspections.launch.bad-deadline", MAX_DEADLINE);
		}
	}

	private static List<String> clean(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}
}

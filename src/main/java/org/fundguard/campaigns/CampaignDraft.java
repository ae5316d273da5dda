package org.fundguard.campaigns;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;

/**
 * What a director fills in to define a campaign. The checks that need nothing but the draft hold here; the rule
 * catalogue, the jurisdiction and the directory are asked by {@link CampaignDefinitions}. Every refusal names the
 * form's field, since the form is long.
 *
 * @param sampleCount the institutions to draw for a random plan; ignored for a full plan
 * @param selfInspectionDays the institutions' deadline to report, in working days
 */
public record CampaignDraft(String name, LocalDate from, LocalDate to, List<String> regions, List<String> types,
		List<String> ruleIds, Campaign.InspectionMode mode, Integer sampleCount, int inspectorsPerInstitution,
		int selfInspectionDays) {

	static final List<String> TYPES = List.of("hospital", "clinic", "pharmacy");
	static final int MAX_SELF_INSPECTION_DAYS = 120;
	static final int MAX_TEAM = 10;

	public CampaignDraft {
		name = name == null ? "" : name.strip();
		regions = clean(regions);
		types = clean(types);
		ruleIds = clean(ruleIds);
		if (name.isEmpty()) {
			throw Refused.because("campaigns.define.name-required");
		}
		if (name.length() > 200) {
			throw Refused.because("campaigns.define.name-too-long");
		}
		if (from == null || to == null) {
			throw Refused.because("campaigns.define.period-required");
		}
		if (to.isBefore(from)) {
			throw Refused.because("campaigns.define.period-reversed");
		}
		if (regions.isEmpty()) {
			throw Refused.because("campaigns.define.regions-required");
		}
		for (String r : regions) {
			if (!r.matches("\\d{2,6}")) {
				throw Refused.because("campaigns.define.bad-region", r);
			}
		}
		if (!TYPES.containsAll(types)) {
			throw Refused.because("campaigns.define.bad-type");
		}
		if (ruleIds.isEmpty()) {
			throw Refused.because("campaigns.define.rules-required");
		}
		if (mode == null) {
			throw Refused.because("campaigns.define.mode-required");
		}
		if (mode == Campaign.InspectionMode.RANDOM && (sampleCount == null || sampleCount < 1)) {
			throw Refused.because("campaigns.define.sample-required");
		}
		if (inspectorsPerInstitution < 2 || inspectorsPerInstitution > MAX_TEAM) {
			throw Refused.because("campaigns.define.bad-team", MAX_TEAM);
		}
		if (selfInspectionDays < 1 || selfInspectionDays > MAX_SELF_INSPECTION_DAYS) {
			throw Refused.because("campaigns.define.bad-deadline", MAX_SELF_INSPECTION_DAYS);
		}
	}

	public CampaignScope scope() {
		return new CampaignScope(regions, types);
	}

	/** The form's value of the mode: RANDOM or FULL; anything else is no mode (refused by the draft). */
	public static Campaign.InspectionMode mode(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Campaign.InspectionMode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static List<String> clean(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}
}

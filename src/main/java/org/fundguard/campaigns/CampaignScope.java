package org.fundguard.campaigns;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which institutions a campaign covers: those whose region code starts with one of its region prefixes and, when
 * types are given, of one of those types. The progress is shown by these prefixes, the longest matching one when
 * prefixes nest.
 */
public record CampaignScope(List<String> regions, List<String> types) {

	public CampaignScope {
		regions = regions == null ? List.of() : List.copyOf(regions);
		types = types == null ? List.of() : List.copyOf(types);
	}

	/** An institution whose type is unknown (null) is covered only when the scope names no type. */
	public boolean covers(String region, String type) {
		// List.copyOf's list throws on contains(null): an unknown type must not fail the case it is asked for
		return regionOf(region).isPresent() && (types.isEmpty() || type != null && types.contains(type));
	}

	/** The scope's region prefix an institution's region code falls under, if any. */
	public Optional<String> regionOf(String region) {
		if (region == null) {
			return Optional.empty();
		}
		return regions.stream().filter(region::startsWith).max(Comparator.comparingInt(String::length));
	}
}

package org.fundguard;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bureau that runs this installation and the regions it supervises.
 *
 * @param bureauName the bureau's name as printed on documents and pages
 * @param regionPrefixes administrative-division code prefixes (e.g. {@code 37} for Shandong, {@code 3703} for Zibo);
 *     the place of treatment supervises the provider, so these decide which providers are ours
 */
@ConfigurationProperties("fundguard.jurisdiction")
public record Jurisdiction(String bureauName, List<String> regionPrefixes) {

	public Jurisdiction {
		regionPrefixes = regionPrefixes == null ? List.of() : List.copyOf(regionPrefixes);
	}

	public boolean covers(String regionCode) {
		return regionCode != null && regionPrefixes.stream().anyMatch(regionCode::startsWith);
	}
}

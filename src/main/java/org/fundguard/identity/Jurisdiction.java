package org.fundguard.identity;

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

	/**
	 * The six-digit region code the bureau numbers its cases and documents by: the first prefix padded with zeros
	 * ({@code 3703} → {@code 370300}).
	 */
	public String bureauRegionCode() {
		if (regionPrefixes.isEmpty()) {
			throw new IllegalStateException("no jurisdiction: fundguard.jurisdiction.region-prefixes is empty");
		}
		String prefix = regionPrefixes.get(0);
		return prefix.length() >= 6 ? prefix.substring(0, 6) : prefix + "0".repeat(6 - prefix.length());
	}
}

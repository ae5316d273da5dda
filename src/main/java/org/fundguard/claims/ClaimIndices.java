package org.fundguard.claims;

import java.util.List;

import org.fundguard.elastic.VersionedIndices;
import org.springframework.stereotype.Component;

/** The claims module's indices, by their aliases. */
@Component
public class ClaimIndices {

	static final List<String> NAMES = List.of("claims", "settlements", "persons", "providers", "items", "fund-ledger");
	/** Written in bulk: refreshing them while a load runs would only slow it down. */
	private static final List<String> BULK = List.of("claims", "settlements", "persons");

	private final VersionedIndices indices;

	ClaimIndices(VersionedIndices indices) {
		this.indices = indices;
	}

	public void ensureAll() {
		NAMES.forEach(indices::ensure);
	}

	public String claims() {
		return indices.alias("claims");
	}

	public String settlements() {
		return indices.alias("settlements");
	}

	public String persons() {
		return indices.alias("persons");
	}

	public String providers() {
		return indices.alias("providers");
	}

	public String items() {
		return indices.alias("items");
	}

	public String fundLedger() {
		return indices.alias("fund-ledger");
	}

	public void pauseRefresh() {
		BULK.forEach(name -> indices.setting(name, "refresh_interval", "-1"));
	}

	/** Back to the template's interval, and everything loaded made searchable now. */
	public void resumeRefresh() {
		BULK.forEach(name -> indices.setting(name, "refresh_interval", null));
		NAMES.forEach(indices::refresh);
	}
}

package org.fundguard.rules;

import java.util.List;

import org.fundguard.elastic.VersionedIndices;
import org.springframework.stereotype.Component;

/** The indices the rules read (the claims module's) and the one they write (signals), by alias. */
@Component
class RuleIndices {

	private static final List<String> READ = List.of("claims", "settlements", "persons", "fund-ledger");

	private final VersionedIndices indices;

	RuleIndices(VersionedIndices indices) {
		this.indices = indices;
	}

	/** Creates what is missing, so that a run before the first load finds nothing rather than failing. */
	void ensure() {
		READ.forEach(indices::ensure);
		indices.ensure("signals");
	}

	String claims() {
		return indices.alias("claims");
	}

	String settlements() {
		return indices.alias("settlements");
	}

	String persons() {
		return indices.alias("persons");
	}

	String fundLedger() {
		return indices.alias("fund-ledger");
	}

	String signals() {
		return indices.alias("signals");
	}

	void refreshSignals() {
		indices.refresh("signals");
	}
}

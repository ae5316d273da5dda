package org.fundguard.rules;

import org.fundguard.elastic.VersionedIndices;
import org.springframework.stereotype.Component;

/** The index the rules write, signals, by alias; the claims they read are the claims module's. */
@Component
class SignalIndex {

	static final String NAME = "signals";

	private final VersionedIndices indices;

	SignalIndex(VersionedIndices indices) {
		this.indices = indices;
	}

	/** Creates it when missing, so that reading signals before the first run finds none rather than failing. */
	void ensure() {
		indices.ensure(NAME);
	}

	String alias() {
		return indices.alias(NAME);
	}

	void refresh() {
		indices.refresh(NAME);
	}
}

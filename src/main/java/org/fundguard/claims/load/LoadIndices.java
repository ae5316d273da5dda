package org.fundguard.claims.load;

import java.util.List;

import org.fundguard.claims.ClaimsSchema;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.elastic.VersionedIndices;
import org.springframework.stereotype.Component;

/** What a load does to the claims indices besides writing them: create them, and hold back refreshes while it runs. */
@Component
class LoadIndices {

	/** Written in bulk: refreshing them while a load runs would only slow it down. */
	private static final List<String> BULK = List.of(FeeLines.INDEX, Settlements.INDEX, Persons.INDEX);

	private final VersionedIndices indices;

	LoadIndices(VersionedIndices indices) {
		this.indices = indices;
	}

	/** Each index with its template's current mapping (fields added since it was made are added to it). */
	void ensureAll() {
		ClaimsSchema.INDICES.forEach(indices::ensure);
	}

	void pauseRefresh() {
		BULK.forEach(name -> indices.setting(name, "refresh_interval", "-1"));
	}

	/** Back to the template's interval, and everything loaded made searchable now. */
	void resumeRefresh() {
		BULK.forEach(name -> indices.setting(name, "refresh_interval", null));
		ClaimsSchema.INDICES.forEach(indices::refresh);
	}
}

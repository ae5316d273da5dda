package org.fundguard.claims.load;

import java.time.LocalDateTime;
import java.util.List;

import org.fundguard.claims.ClaimsSchema;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.elastic.VersionedIndices;
import org.springframework.stereotype.Component;

/** What a load does to the claims indices besides writing them: create them, and hold back refreshes while it runs. */
@Component
class LoadIndices {

	/** Written in bulk: refreshing them while a load runs would only slow it down. */
	private static final List<String> BULK = List.of(FeeLines.INDEX, Settlements.INDEX, Persons.INDEX);

	private final VersionedIndices indices;
	private final ElasticsearchProperties properties;

	LoadIndices(VersionedIndices indices, ElasticsearchProperties properties) {
		this.indices = indices;
		this.properties = properties;
	}

	/**
	 * Where a settlement's fee lines are written: its settlement year's index when the claims are split by year
	 * ({@code fundguard.elasticsearch.yearly}), else the alias.
	 */
	String claimsOf(LocalDateTime settleTime) {
		if (properties.isYearly(FeeLines.INDEX)) {
			String index = indices.yearIndex(FeeLines.INDEX, settleTime.getYear());
			if (paused.add(index)) {
				// made during this load: as the others, no refreshes until it ends
				indices.indexSetting(index, "refresh_interval", "-1");
			}
			return index;
		}
		return indices.alias(FeeLines.INDEX);
	}

	/** Each index with its template's current mapping (fields added since it was made are added to it). */
	void ensureAll() {
		ClaimsSchema.INDICES.forEach(indices::ensure);
	}

	/** The year indices this load has paused (made, or found, during it). */
	private final java.util.Set<String> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();

	void pauseRefresh() {
		paused.clear();
		indices.setting(BULK, "refresh_interval", "-1");
	}

	/**
	 * Back to the template's interval, and everything loaded made searchable now: one request each rather than one per
	 * index, since on a busy node each request's round trip weighed as much as the refresh itself.
	 */
	void resumeRefresh() {
		indices.setting(BULK, "refresh_interval", null);
		indices.refresh(ClaimsSchema.INDICES);
	}
}

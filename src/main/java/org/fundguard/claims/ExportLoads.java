package org.fundguard.claims;

import java.util.List;

import org.fundguard.claims.load.ClaimsLoader;
import org.springframework.stereotype.Component;

/**
 * What other modules may know of the loads: which exports are only partly in the indices. The rules ask before they
 * run, because rules over a half-loaded export raise false signals.
 */
@Component
public class ExportLoads {

	private final ClaimsLoader loader;

	ExportLoads(ClaimsLoader loader) {
		this.loader = loader;
	}

	/**
	 * The exports whose last load that began to index was interrupted or failed, newest first (dead loads are marked
	 * first). A load refused for a bad file indexed nothing and does not count.
	 */
	public List<UnfinishedLoad> unfinished() {
		return loader.unfinishedExports();
	}
}

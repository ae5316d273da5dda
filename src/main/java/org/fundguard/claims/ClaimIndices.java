package org.fundguard.claims;

import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.claims.ClaimsSchema.FundLedger;
import org.fundguard.claims.ClaimsSchema.Items;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Providers;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.elastic.VersionedIndices;
import org.springframework.stereotype.Component;

/**
 * The claims indices to search, by alias ({@code fundguard-claims} for {@code claims}); their documents' fields are
 * named in {@link ClaimsSchema}. Writing them, and their settings during a load, is the loader's alone.
 */
@Component
public class ClaimIndices {

	private final VersionedIndices indices;

	ClaimIndices(VersionedIndices indices) {
		this.indices = indices;
	}

	/**
	 * Creates whichever claims index does not exist yet, empty: a reader before the first load then finds nothing
	 * instead of failing on a missing index.
	 */
	public void ensureReadable() {
		ClaimsSchema.INDICES.forEach(indices::ensure);
	}

	/** The fee lines ({@link FeeLines}). */
	public String claims() {
		return indices.alias(FeeLines.INDEX);
	}

	public String settlements() {
		return indices.alias(Settlements.INDEX);
	}

	public String persons() {
		return indices.alias(Persons.INDEX);
	}

	public String providers() {
		return indices.alias(Providers.INDEX);
	}

	public String items() {
		return indices.alias(Items.INDEX);
	}

	public String fundLedger() {
		return indices.alias(FundLedger.INDEX);
	}
}

package org.fundguard.credit;

import java.util.List;
import java.util.Optional;

/** The credit scores of institutions, for the dashboard, the draws and the public pages. */
public interface CreditScores {

	/** Every scored institution in the jurisdiction in that year, by provider code. */
	List<InstitutionCredit> ofYear(int year);

	Optional<InstitutionCredit> of(String providerCode, int year);
}

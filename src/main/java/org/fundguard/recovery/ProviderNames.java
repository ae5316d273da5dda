package org.fundguard.recovery;

import org.fundguard.claims.ClaimsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The institution's name for a row, from the claims directory. A booking runs in the transaction that confirmed the
 * signal or took the report, so a directory that cannot answer leaves the name empty (pages then show the code)
 * rather than undoing that confirmation.
 */
@Component
class ProviderNames {

	private static final Logger log = LoggerFactory.getLogger(ProviderNames.class);

	private final ClaimsDirectory directory;

	ProviderNames(ClaimsDirectory directory) {
		this.directory = directory;
	}

	String nameOf(String providerCode) {
		try {
			return directory.provider(providerCode).map(ClaimsDirectory.Provider::name).orElse(null);
		}
		catch (RuntimeException e) {
			log.warn("no name for provider {} (the claims directory did not answer: {}); booked with its code only",
					providerCode, e.toString());
			return null;
		}
	}
}

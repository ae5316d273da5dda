package org.fundguard.appeals;

import java.util.List;

import org.fundguard.identity.CurrentUser;
import org.fundguard.rules.Signal;
import org.springframework.context.ApplicationContext;

/** Issues given signals to a provider, for other modules' tests that need an issued signal without a rules run. */
public final class IssuingForTests {

	private IssuingForTests() {
	}

	public static int issue(ApplicationContext context, String leadId, String providerCode, List<Signal> signals,
			CurrentUser analyst) {
		return context.getBean(SignalIssuing.class).issue(leadId, providerCode, signals, analyst);
	}
}

package org.fundguard.selfinspections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.errors.Refused;
import org.springframework.stereotype.Component;

/**
 * The institutions a self-inspection asks: those of the regions and types chosen (both, when both are given), plus
 * those named one by one; each once, in code order. A code that names no institution is refused rather than dropped,
 * and so is a scope that finds none: a self-inspection nobody receives would look launched and do nothing.
 */
@Component
class SelfInspectionScope {

	private final ClaimsDirectory directory;

	SelfInspectionScope(ClaimsDirectory directory) {
		this.directory = directory;
	}

	List<Provider> institutions(SelfInspectionDraft draft) {
		Map<String, Provider> found = new LinkedHashMap<>();
		if (!draft.regions().isEmpty() || !draft.providerTypes().isEmpty()) {
			directory.providersIn(draft.regions(), draft.providerTypes(), List.of()).forEach(p -> found.put(p.code(), p));
		}
		List<String> unknown = new ArrayList<>();
		for (String code : draft.providerCodes()) {
			if (!found.containsKey(code)) {
				directory.provider(code).ifPresentOrElse(p -> found.put(code, p), () -> unknown.add(code));
			}
		}
		if (!unknown.isEmpty()) {
			throw Refused.because("selfinspections.launch.unknown-provider", String.join("、", unknown));
		}
		if (found.isEmpty()) {
			throw Refused.because("selfinspections.launch.empty-scope");
		}
		return found.values().stream().sorted(java.util.Comparator.comparing(Provider::code)).toList();
	}
}

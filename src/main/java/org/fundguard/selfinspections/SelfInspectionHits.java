package org.fundguard.selfinspections;

import java.util.List;
import java.util.regex.Pattern;

import org.fundguard.rules.RuleCatalogue;
import org.fundguard.rules.RuleDefinition;
import org.fundguard.rules.Signal;
import org.fundguard.rules.SignalSearch;
import org.springframework.stereotype.Component;

/**
 * An institution's own hits in a self-inspection: the signals the rule runs wrote for that provider, of the
 * self-inspection's rules, over its period (the rules module's {@link SignalSearch#ofProvider}; no rule is evaluated
 * here). Long digit runs (identity numbers, insured persons' ids) are masked to their first six and last four digits.
 */
@Component
class SelfInspectionHits {

	/** An identity number (15–18 characters) or a person id of the exports (20 digits). */
	private static final Pattern PERSONAL_ID = Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{5,10}([0-9]{3}[0-9Xx])(?![0-9Xx])");

	private final SignalSearch signals;
	private final RuleCatalogue rules;

	SelfInspectionHits(SignalSearch signals, RuleCatalogue rules) {
		this.signals = signals;
		this.rules = rules;
	}

	List<SelfInspectionHit> of(SelfInspection inspection, String providerCode) {
		return signals.ofProvider(providerCode, inspection.ruleIds(), inspection.from(), inspection.to()).stream()
			.map(this::shown)
			.toList();
	}

	private SelfInspectionHit shown(Signal s) {
		String name = rules.find(s.ruleId()).map(RuleDefinition::nameZh).orElse(s.ruleId());
		return new SelfInspectionHit(mask(s.id()), s.ruleId(), name, mask(s.subjectKey()), s.from(), s.to(), s.money(),
				mask(s.description()), s.settlementIds());
	}

	static String mask(String text) {
		if (text == null) {
			return null;
		}
		return PERSONAL_ID.matcher(text).replaceAll(m -> m.group(1) + "*".repeat(m.group().length() - 10) + m.group(2));
	}
}

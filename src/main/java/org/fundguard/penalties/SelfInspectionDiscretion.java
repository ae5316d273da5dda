package org.fundguard.penalties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.SubjectType;
import org.fundguard.selfinspections.SelfInspectionFact;
import org.fundguard.selfinspections.SelfInspectionFacts;
import org.springframework.stereotype.Component;

/**
 * What the self-inspections (自查自纠) suggest for an institution's penalty: a problem it reported itself and refunded
 * is mitigation (主动退回违规所得, 从轻/减轻), a problem of a rule in its self-inspection that it did not report is
 * aggravation (从重). Suggested with the cause, never applied on its own: the officer chooses the factors, as the law
 * leaves the discretion to him (the proposal form shows them ticked in advance, to be unticked). Only a case from a monitoring lead names the rules to ask about.
 */
@Component
class SelfInspectionDiscretion {

	static final String MITIGATION = "returned-voluntarily";
	static final String AGGRAVATION = "concealed-in-self-inspection";

	/** A factor the self-inspections suggest, with why. */
	record Suggestion(String factorCode, String factorLabel, String cause) {
	}

	private final AuditCases cases;
	private final SelfInspectionFacts facts;
	private final DiscretionTable table;

	SelfInspectionDiscretion(AuditCases cases, SelfInspectionFacts facts, DiscretionTable table) {
		this.cases = cases;
		this.facts = facts;
		this.table = table;
	}

	List<Suggestion> of(PenaltyCase p) {
		if (p.partyType() != SubjectType.INSTITUTION) {
			return List.of();
		}
		AuditCase c = cases.find(p.caseId()).orElse(null);
		if (c == null || c.source() != CaseSource.LEAD || c.sourceRef() == null) {
			return List.of();
		}
		return suggestions(facts.ofLead(p.partyKey(), c.sourceRef()));
	}

	/** One suggestion per factor, the causes of every rule behind it joined. */
	List<Suggestion> suggestions(List<SelfInspectionFact> found) {
		Map<String, List<String>> causes = new LinkedHashMap<>();
		for (SelfInspectionFact f : found) {
			if (f.mitigating()) {
				causes.computeIfAbsent(MITIGATION, k -> new ArrayList<>()).add(f.cause());
			}
			else if (f.aggravating()) {
				causes.computeIfAbsent(AGGRAVATION, k -> new ArrayList<>()).add(f.cause());
			}
		}
		List<Suggestion> out = new ArrayList<>();
		causes.forEach((code, why) -> out.add(new Suggestion(code, label(code), String.join("；", why))));
		return out;
	}

	private String label(String code) {
		return table.factors().stream().filter(f -> f.code().equals(code)).map(PenaltiesProperties.Factor::label)
			.findFirst().orElseThrow(() -> new IllegalStateException("fundguard.penalties.factors has no " + code
					+ ", which self-inspection facts suggest"));
	}
}

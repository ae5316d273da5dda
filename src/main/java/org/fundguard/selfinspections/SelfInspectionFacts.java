package org.fundguard.selfinspections;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fundguard.calendar.Deadlines;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.springframework.stereotype.Service;

/**
 * What self-inspections say about an institution and a rule, for the penalty procedure (which depends on this module,
 * never the reverse). Only answered or lapsed reports count: while its report is awaited an institution may still
 * report. A report naming the rule with a refund is mitigation whatever else it did; otherwise a report naming it is
 * noted; otherwise a self-inspection of the rule that it answered without it, or let lapse, is aggravation.
 */
@Service
public class SelfInspectionFacts {

	private final SelfInspectionStore store;
	private final Leads leads;

	SelfInspectionFacts(SelfInspectionStore store, Leads leads) {
		this.store = store;
		this.leads = leads;
	}

	/** Over every self-inspection of the institution that covered the rule. */
	public SelfInspectionFact of(String providerCode, String ruleId) {
		return of(providerCode, ruleId, null, null);
	}

	/**
	 * Over the self-inspections of the rule whose period overlaps the finding's (a finding of 2026 says nothing about
	 * a self-inspection of 2024); null dates leave that side open.
	 */
	public SelfInspectionFact of(String providerCode, String ruleId, LocalDate findingFrom, LocalDate findingTo) {
		Map<Long, SelfInspection> inspections = store.all().stream()
			.filter(s -> s.covers(ruleId))
			.filter(s -> findingTo == null || !s.from().isAfter(findingTo))
			.filter(s -> findingFrom == null || !s.to().isBefore(findingFrom))
			.collect(Collectors.toMap(SelfInspection::id, Function.identity()));
		List<InstitutionReport> finished = store.reportsOfProvider(providerCode).stream()
			.filter(r -> inspections.containsKey(r.selfInspectionId()))
			.filter(r -> r.status() != InstitutionReport.Status.AWAITING)
			.sorted(Comparator.comparing(InstitutionReport::selfInspectionId).reversed())
			.toList();
		return finished.stream().filter(r -> names(r, ruleId) && r.refundedOrZero().signum() > 0).findFirst()
			.map(r -> fact(SelfInspectionFact.Kind.REPORTED_AND_REFUNDED, ruleId, r, inspections))
			.or(() -> finished.stream().filter(r -> names(r, ruleId)).findFirst()
				.map(r -> fact(SelfInspectionFact.Kind.REPORTED_NOT_REFUNDED, ruleId, r, inspections)))
			.or(() -> finished.stream().findFirst().map(r -> fact(SelfInspectionFact.Kind.NOT_REPORTED, ruleId, r, inspections)))
			.orElse(SelfInspectionFact.none(ruleId));
	}

	/** One fact per rule of a monitoring lead of the institution, over the lead's window; none for an unknown lead. */
	public List<SelfInspectionFact> ofLead(String providerCode, String leadId) {
		return leads.find(leadId)
			.map(lead -> rulesOf(lead).stream().map(rule -> of(providerCode, rule, lead.from(), lead.to())).toList())
			.orElse(List.of());
	}

	private static List<String> rulesOf(Lead lead) {
		return SelfInspectionStore.split(lead.rules(), ",");
	}

	private static boolean names(InstitutionReport r, String ruleId) {
		return r.status() == InstitutionReport.Status.REPORTED && r.reportedRules().contains(ruleId);
	}

	private static SelfInspectionFact fact(SelfInspectionFact.Kind kind, String ruleId, InstitutionReport r,
			Map<Long, SelfInspection> inspections) {
		SelfInspection s = inspections.get(r.selfInspectionId());
		return new SelfInspectionFact(kind, ruleId, s.id(), s.name(), s.from(), s.to(), r.refundedOrZero(),
				r.reportedAt() == null ? null : LocalDate.ofInstant(r.reportedAt().toInstant(), Deadlines.BUREAU_ZONE));
	}
}

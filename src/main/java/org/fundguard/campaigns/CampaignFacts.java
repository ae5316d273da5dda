package org.fundguard.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCaseOpened;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.SubjectType;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.inspections.Inspection;
import org.fundguard.inspections.Inspections;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what a campaign counts from the other modules' events, in the publisher's transaction (as the project's
 * events are delivered), once per source key, so the progress is computed from recorded facts and a redelivered
 * event counts once. A case belongs to a campaign when it was opened from an inspection of the campaign's plan, or
 * from a lead on one of its rules about an institution in its scope, opened during its period.
 */
@Component
class CampaignFacts {

	private static final Logger log = LoggerFactory.getLogger(CampaignFacts.class);

	private final CampaignStore store;
	private final AuditCases cases;
	private final Inspections inspections;
	private final Leads leads;
	private final ClaimsDirectory directory;
	private final Clock clock;

	CampaignFacts(CampaignStore store, AuditCases cases, Inspections inspections, Leads leads, ClaimsDirectory directory,
			Clock clock) {
		this.store = store;
		this.cases = cases;
		this.inspections = inspections;
		this.leads = leads;
		this.directory = directory;
		this.clock = clock;
	}

	@EventListener
	void caseOpened(AuditCaseOpened event) {
		AuditCase c = cases.find(event.caseId()).orElse(null);
		if (c == null || c.subjectType() != SubjectType.INSTITUTION) {
			return;
		}
		LocalDate opened = (c.openedAt() == null ? OffsetDateTime.now(clock) : c.openedAt())
			.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate();
		campaignsOf(c, opened).forEach(campaign -> store.record(new CampaignStore.Fact(campaign.id(),
				CampaignStore.Kind.CASE, String.valueOf(c.id()), c.subjectKey(), region(c.subjectRegion()), c.number(), opened),
				OffsetDateTime.now(clock)));
	}

	@EventListener
	void signalConfirmed(SignalConfirmed event) {
		List<Campaign> concerned = store.all().stream()
			.filter(c -> c.ruleIds().contains(event.ruleId()) && c.during(event.confirmedOn()))
			.toList();
		if (concerned.isEmpty()) {
			return;
		}
		providerOf(event.providerCode()).ifPresent(p -> concerned.stream()
			.filter(c -> c.scope().covers(p.region(), p.type()))
			.forEach(c -> store.record(new CampaignStore.Fact(c.id(), CampaignStore.Kind.SIGNAL, event.issuedSignalId(),
					p.code(), region(p.region()), event.leadId(), event.confirmedOn()), OffsetDateTime.now(clock))));
	}

	/** A penalty on one of a campaign's cases counts for the campaign, whenever it is decided. */
	@EventListener
	void penaltyDecided(PenaltyDecided event) {
		if (event.caseNumber() == null) {
			return;
		}
		for (CampaignStore.Fact tagged : store.casesNumbered(event.caseNumber())) {
			store.record(new CampaignStore.Fact(tagged.campaignId(), CampaignStore.Kind.PENALTY,
					String.valueOf(event.penaltyId()), tagged.providerCode(), tagged.region(), event.caseNumber(),
					event.decidedOn()), OffsetDateTime.now(clock));
		}
	}

	private List<Campaign> campaignsOf(AuditCase c, LocalDate opened) {
		if (c.source() == CaseSource.INSPECTION) {
			return inspectionOf(c.sourceRef()).flatMap(i -> store.ofPlan(i.planId())).stream().toList();
		}
		if (c.source() == CaseSource.LEAD && c.sourceRef() != null) {
			Optional<Lead> lead = leads.find(c.sourceRef());
			if (lead.isEmpty()) {
				return List.of();
			}
			List<String> leadRules = Arrays.stream(lead.get().rules().split(",")).map(String::strip).toList();
			String type = providerOf(c.subjectKey()).map(ClaimsDirectory.Provider::type).orElse(null);
			return store.all().stream()
				.filter(k -> k.during(opened) && k.scope().covers(c.subjectRegion(), type)
						&& leadRules.stream().anyMatch(k.ruleIds()::contains))
				.toList();
		}
		return List.of();
	}

	/**
	 * The institution as the directory (Elasticsearch) names it. These listeners run in the publisher's transaction:
	 * a directory that cannot answer must not undo a confirmation or the opening of a case, so the campaign then
	 * counts nothing for the event (logged), as the credit recorder records a fact without name.
	 */
	private Optional<ClaimsDirectory.Provider> providerOf(String providerCode) {
		try {
			return directory.provider(providerCode);
		}
		catch (RuntimeException e) {
			log.warn("no directory entry for provider {} ({}); campaigns do not count this event", providerCode, e.toString());
			return Optional.empty();
		}
	}

	private Optional<Inspection> inspectionOf(String ref) {
		try {
			return ref == null ? Optional.empty() : inspections.find(Long.parseLong(ref.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static String region(String region) {
		return region == null ? "" : region.length() > 12 ? region.substring(0, 12) : region;
	}
}

package org.fundguard.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.inspections.Inspection;
import org.fundguard.inspections.Inspections;
import org.fundguard.recovery.RecoveryEntry;
import org.fundguard.recovery.RecoveryLedger;
import org.fundguard.recovery.RecoverySource;
import org.fundguard.selfinspections.InstitutionReport;
import org.fundguard.selfinspections.SelfInspections;
import org.springframework.stereotype.Service;

/**
 * A campaign's progress, computed each time from the data: the institutions in scope from the claims directory, the
 * self-inspection's reports, the plan's recorded inspections, the facts recorded from events, and the recovery
 * ledger's rows of the campaign's refunds, confirmed signals and penalties (looked up by their source keys).
 */
@Service
class CampaignProgressReader implements Campaigns {

	/** One campaign's figures, by region and in total. */
	record Report(Campaign campaign, List<CampaignTally.Row> regions, CampaignTally.Row total,
			List<CampaignStore.Fact> cases) {

		CampaignProgress progress() {
			return new CampaignProgress(String.valueOf(campaign.id()), campaign.name(), campaign.from(), campaign.to(),
					total.inScope(), total.covered(), total.refunds(), total.signals(), total.cases(), total.penalties(),
					total.recovered());
		}
	}

	private final CampaignStore store;
	private final ClaimsDirectory directory;
	private final SelfInspections selfInspections;
	private final Inspections inspections;
	private final RecoveryLedger ledger;

	CampaignProgressReader(CampaignStore store, ClaimsDirectory directory, SelfInspections selfInspections,
			Inspections inspections, RecoveryLedger ledger) {
		this.store = store;
		this.directory = directory;
		this.selfInspections = selfInspections;
		this.inspections = inspections;
		this.ledger = ledger;
	}

	@Override
	public List<CampaignProgress> progressOn(LocalDate day) {
		return store.all().stream()
			.filter(c -> c.during(day) || (c.to().isBefore(day) && !c.to().isBefore(day.minusYears(1))))
			.map(c -> report(c).progress())
			.toList();
	}

	Report report(Campaign campaign) {
		CampaignScope scope = campaign.scope();
		CampaignTally tally = new CampaignTally(scope);
		directory.providersIn(scope.regions(), scope.types(), List.of()).forEach(p -> tally.inScope(p.code(), p.region()));
		for (InstitutionReport r : selfInspections.reports(campaign.selfInspectionId())) {
			if (r.status() == InstitutionReport.Status.REPORTED) {
				tally.covered(r.providerCode());
				tally.refund(r.providerCode(), r.refundedOrZero());
				String region = tally.regionOfInstitution(r.providerCode());
				booked(RecoverySource.SELF_REPORT, String.valueOf(r.id())).ifPresent(a -> tally.recovered(region, a));
			}
		}
		for (Inspection i : inspections.ofPlan(campaign.planId())) {
			if (i.result() != null) {
				tally.covered(i.providerCode());
			}
		}
		List<CampaignStore.Fact> facts = store.facts(campaign.id());
		for (CampaignStore.Fact f : facts) {
			tally.fact(f.kind(), f.region());
			RecoverySource source = switch (f.kind()) {
				case SIGNAL -> RecoverySource.APPEAL_OUTCOME;
				case PENALTY -> RecoverySource.PENALTY;
				case CASE -> null;
			};
			if (source != null) {
				booked(source, f.sourceKey()).ifPresent(a -> tally.recovered(f.region(), a));
			}
		}
		return new Report(campaign, tally.byRegion(), tally.total(),
				facts.stream().filter(f -> f.kind() == CampaignStore.Kind.CASE).toList());
	}

	private java.util.Optional<BigDecimal> booked(RecoverySource source, String key) {
		return ledger.find(RecoveryEntry.rowId(source, key)).map(RecoveryEntry::amount);
	}
}

package org.fundguard.campaigns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.identity.Role;
import org.fundguard.inspections.DrawParameters;
import org.fundguard.inspections.InspectionProcess;
import org.fundguard.inspections.PlanDraft;
import org.fundguard.rules.RuleCatalogue;
import org.fundguard.selfinspections.SelfInspectionDraft;
import org.fundguard.selfinspections.SelfInspections;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A director defines a campaign and, in the same transaction, starts its two phases through the other modules'
 * public API: the self-inspection (自查自纠) of every institution in scope over the campaign's rules and period, and
 * the inspection plan (a random draw, or all institutions in scope), which an inspector then submits and a director
 * approves as any plan. Nothing is stored if either phase is refused.
 */
@Service
public class CampaignDefinitions {

	private final CampaignStore store;
	private final RuleCatalogue rules;
	private final ClaimsDirectory directory;
	private final Jurisdiction jurisdiction;
	private final SelfInspections selfInspections;
	private final InspectionProcess inspections;
	private final Clock clock;

	CampaignDefinitions(CampaignStore store, RuleCatalogue rules, ClaimsDirectory directory, Jurisdiction jurisdiction,
			SelfInspections selfInspections, InspectionProcess inspections, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.directory = directory;
		this.jurisdiction = jurisdiction;
		this.selfInspections = selfInspections;
		this.inspections = inspections;
		this.clock = clock;
	}

	@Transactional
	public long define(CampaignDraft draft, CurrentUser user) {
		if (!user.has(Role.DIRECTOR)) {
			throw Refused.forbidden("campaigns.define.director-only");
		}
		List<String> outside = draft.regions().stream().filter(r -> !jurisdiction.covers(r)).toList();
		if (!outside.isEmpty()) {
			throw Refused.because("campaigns.define.region-outside", String.join("、", outside));
		}
		long unknown = draft.ruleIds().stream().filter(r -> rules.find(r).isEmpty()).count();
		if (unknown > 0) {
			throw Refused.because("campaigns.define.unknown-rule", unknown);
		}
		List<Provider> institutions = directory.providersIn(draft.regions(), draft.types(), List.of());
		if (institutions.isEmpty()) {
			throw Refused.because("campaigns.define.empty-scope");
		}
		int sample = draft.mode() == Campaign.InspectionMode.FULL ? institutions.size() : draft.sampleCount();
		if (sample > institutions.size()) {
			throw Refused.because("campaigns.define.sample-too-large", sample, institutions.size());
		}
		long selfInspectionId = selfInspections.launch(new SelfInspectionDraft(draft.name(), draft.ruleIds(), draft.from(),
				draft.to(), draft.regions(), draft.types(), List.of(), draft.selfInspectionDays()), user);
		long planId = inspections.startOrdered(new PlanDraft(draft.name(), draft.from().getYear(), draft.regions(),
				draft.types(), List.of(), sample, null, DrawParameters.Stratification.NONE, false,
				draft.inspectorsPerInstitution(), draft.to()), user);
		return store.create(draft, sample, selfInspectionId, planId, user.username(), OffsetDateTime.now(clock));
	}

	public List<Campaign> all() {
		return store.all();
	}

	public Campaign get(long id) {
		return store.find(id).orElseThrow(() -> Refused.notFound("campaigns.not-found"));
	}

	/** The Chinese names of rule ids (a rule no longer in the catalogue keeps a neutral name, never its id). */
	public List<String> ruleNames(List<String> ruleIds) {
		return ruleIds.stream().map(r -> rules.find(r).map(d -> d.nameZh()).orElse("（已停用的规则）")).toList();
	}
}

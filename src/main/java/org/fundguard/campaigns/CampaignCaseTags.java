package org.fundguard.campaigns;

import java.util.List;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.CaseTags;
import org.springframework.stereotype.Component;

/** The case page names the campaigns a case was tagged with when it was opened. */
@Component
class CampaignCaseTags implements CaseTags {

	private final CampaignStore store;

	CampaignCaseTags(CampaignStore store) {
		this.store = store;
	}

	@Override
	public List<Tag> of(AuditCase auditCase) {
		return store.ofCase(auditCase.number()).stream()
			.map(c -> new Tag("专项整治：" + c.name(), "/campaigns/" + c.id()))
			.toList();
	}
}

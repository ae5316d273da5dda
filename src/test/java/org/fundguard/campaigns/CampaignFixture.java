package org.fundguard.campaigns;

import org.fundguard.selfinspections.SelfInspections;
import org.fundguard.support.DirectoryLoading;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The campaign ITs: a directory loaded, the self-inspection the campaign starts, and the events by which the other
 * modules' outcomes reach it, published in a transaction as those modules do.
 */
abstract class CampaignFixture extends DirectoryLoading {

	@Autowired
	SelfInspections selfInspections;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;
}

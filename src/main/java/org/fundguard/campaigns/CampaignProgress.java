package org.fundguard.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How far a campaign (专项整治) has come, for its page and the dashboard.
 *
 * @param covered institutions in scope that were reached by its self-inspection or inspection phase
 * @param recovered money recovered for the fund (yuan) from the campaign's confirmed signals, refunds and penalties
 */
public record CampaignProgress(String campaignId, String name, LocalDate from, LocalDate to, int institutionsInScope,
		int covered, BigDecimal selfReportedRefunds, int signalsConfirmed, int cases, int penalties, BigDecimal recovered) {
}

package org.fundguard.campaigns;

import java.time.LocalDate;
import java.util.List;

/** The campaigns' progress, for the dashboard. */
public interface Campaigns {

	/** The campaigns whose period includes the day, or that ended within the year before it. */
	List<CampaignProgress> progressOn(LocalDate day);
}

package org.fundguard.reports;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reporter claims an offered reward on the portal; the process moves on to the handler's payment. */
@Service
public class ReportClaims {

	private final Reports reports;
	private final ReportHandling handling;
	private final RuntimeService runtime;

	ReportClaims(Reports reports, ReportHandling handling, RuntimeService runtime) {
		this.reports = reports;
		this.handling = handling;
		this.runtime = runtime;
	}

	@Transactional
	public void claim(long reportId) {
		Report r = reports.find(reportId).orElseThrow();
		if (r.status() != ReportStatus.REWARD_OFFERED) {
			return;
		}
		handling.claimReward(reportId);
		runtime.createMessageCorrelation(ReportVariables.MESSAGE_REWARD_CLAIMED)
			.processInstanceBusinessKey(r.number())
			.correlateWithResult();
	}
}

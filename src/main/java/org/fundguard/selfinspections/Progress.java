package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.util.List;

/** Where a self-inspection stands: institutions in scope, reported, overdue, still awaited, and the money refunded. */
public record Progress(int inScope, int reported, int overdue, int awaiting, BigDecimal refunded) {

	static Progress of(List<InstitutionReport> reports) {
		int reported = 0;
		int overdue = 0;
		int awaiting = 0;
		BigDecimal refunded = BigDecimal.ZERO.setScale(2);
		for (InstitutionReport r : reports) {
			switch (r.status()) {
				case REPORTED -> reported++;
				case OVERDUE -> overdue++;
				case AWAITING -> awaiting++;
			}
			refunded = refunded.add(r.refundedOrZero());
		}
		return new Progress(reports.size(), reported, overdue, awaiting, refunded);
	}

	/** The share of institutions that answered or whose deadline passed, in percent (for the bar on the page). */
	public int donePercent() {
		return inScope == 0 ? 0 : (reported + overdue) * 100 / inScope;
	}
}

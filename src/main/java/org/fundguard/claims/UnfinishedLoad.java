package org.fundguard.claims;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An export folder whose last load ended without loading it whole: the claims indices may hold settlements without
 * their fee lines or lines without their settlements until the folder is loaded again.
 *
 * @param status INTERRUPTED (the loading process died) or FAILED
 * @param periodFrom earliest visit start of the export's settlements, null when the load stopped before it had read
 *        them all (then the half-load may touch any period)
 * @param periodTo latest visit end or settlement day, null as {@code periodFrom}
 */
public record UnfinishedLoad(String loadId, String source, String status, OffsetDateTime startedAt, LocalDate periodFrom,
		LocalDate periodTo) {

	public UnfinishedLoad(String loadId, String source, String status, OffsetDateTime startedAt) {
		this(loadId, source, status, startedAt, null, null);
	}

	/** The status in Chinese, for pages and the command line. */
	public String statusZh() {
		return "INTERRUPTED".equals(status) ? "已中断" : "失败";
	}

	public boolean periodKnown() {
		return periodFrom != null && periodTo != null;
	}

	/** Whether rules over {@code from}–{@code to} may read this export's half-loaded data; always, if its period is unknown. */
	public boolean touches(LocalDate from, LocalDate to) {
		return !periodKnown() || !(periodTo.isBefore(from) || periodFrom.isAfter(to));
	}
}

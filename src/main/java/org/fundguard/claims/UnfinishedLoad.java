package org.fundguard.claims;

import java.time.OffsetDateTime;

/**
 * An export folder whose last load ended without loading it whole: the claims indices may hold settlements without
 * their fee lines or lines without their settlements until the folder is loaded again.
 *
 * @param status INTERRUPTED (the loading process died) or FAILED
 */
public record UnfinishedLoad(String loadId, String source, String status, OffsetDateTime startedAt) {

	/** The status in Chinese, for pages and the command line. */
	public String statusZh() {
		return "INTERRUPTED".equals(status) ? "已中断" : "失败";
	}
}

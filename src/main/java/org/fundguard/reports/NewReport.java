package org.fundguard.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report as submitted on the portal, already checked.
 *
 * @param subjectKey the provider code when the subject is from the directory, else null
 * @param happened when it happened, in the reporter's words
 * @param amount the money involved if the reporter knows it, else null
 * @param identity the real-name reporter, or null for an anonymous report
 * @param evidence the files, metadata already removed
 */
public record NewReport(SubjectKind subjectKind, String subjectKey, String subjectName, ReportCategory category,
		String description, String happened, BigDecimal amount, boolean wantsReward, ReporterIdentity identity,
		List<Evidence> evidence) {

	public NewReport {
		evidence = List.copyOf(evidence);
		// a reward is paid to a known person only: an anonymous report cannot ask for one
		wantsReward = wantsReward && identity != null;
	}

	public boolean anonymous() {
		return identity == null;
	}

	/** For the receipt: per evidence file, what was removed from it before it was stored, in plain Chinese. */
	public List<String> metadataRemoved() {
		return evidence.stream()
			.map(e -> e.fileName() + "：" + (e.removed().isEmpty() ? "未发现需要移除的元数据" : "已移除" + String.join("、", e.removed())))
			.toList();
	}
}

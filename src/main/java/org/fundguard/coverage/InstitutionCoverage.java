package org.fundguard.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * One institution's year under the three full coverages (三个全覆盖).
 *
 * @param selfInspection it reported a self-inspection (自查自纠) in the year
 * @param routineAudit signals of a rule run were issued to it, or an audit case about it was opened (日常稽核)
 * @param randomInspection a random inspection's on-site result about it was recorded (抽查/双随机检查)
 */
public record InstitutionCoverage(String code, String name, String type, String region, boolean selfInspection,
		boolean routineAudit, boolean randomInspection) {

	public boolean fullyCovered() {
		return selfInspection && routineAudit && randomInspection;
	}

	/** The coverages it lacks, as the page names them. */
	public List<String> gaps() {
		List<String> gaps = new ArrayList<>();
		if (!selfInspection) {
			gaps.add("自查自纠");
		}
		if (!routineAudit) {
			gaps.add("日常稽核");
		}
		if (!randomInspection) {
			gaps.add("抽查");
		}
		return gaps;
	}
}

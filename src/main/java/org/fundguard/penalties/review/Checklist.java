package org.fundguard.penalties.review;

import java.util.ArrayList;
import java.util.List;

/**
 * What the legal reviewer checks (法制审核内容): the authority to act, the facts, the evidence, the procedure, the
 * application of law and the discretion. A proposal is approved only when every point holds.
 */
public record Checklist(boolean authority, boolean facts, boolean evidence, boolean procedure, boolean applicationOfLaw,
		boolean discretion) {

	public static final List<String> LABELS = List.of("执法主体是否合法、是否超越职权", "案件事实是否清楚", "证据是否确实充分",
			"程序是否合法", "适用法律依据是否正确", "裁量是否适当");

	public boolean complete() {
		return authority && facts && evidence && procedure && applicationOfLaw && discretion;
	}

	public List<Boolean> values() {
		return List.of(authority, facts, evidence, procedure, applicationOfLaw, discretion);
	}

	/** The points not met, in words. */
	public List<String> failed() {
		List<String> failed = new ArrayList<>();
		List<Boolean> v = values();
		for (int i = 0; i < v.size(); i++) {
			if (!v.get(i)) {
				failed.add(LABELS.get(i));
			}
		}
		return failed;
	}
}

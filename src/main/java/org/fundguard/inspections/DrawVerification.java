package org.fundguard.inspections;

import java.util.List;

/** The outcome of re-running a published draw: it matches when there is no problem. */
public record DrawVerification(List<String> problems) {

	public DrawVerification {
		problems = List.copyOf(problems);
	}

	public boolean matches() {
		return problems.isEmpty();
	}

	public String summary() {
		return matches() ? "验证通过：重新计算的抽取结果与公布结果一致" : "验证失败：" + String.join("；", problems);
	}
}

package org.fundguard.cases;

import java.util.Arrays;
import java.util.Optional;

/** How a case ends after its findings (处理决定). Form values and the kept decision are the names. */
public enum Outcome {

	CLOSE("结案"),
	PENALTY("移交行政处罚程序"),
	SUSPEND("暂停医保服务协议"),
	POLICE("移送公安机关（行刑衔接）"),
	DISCIPLINE("移送纪检监察机关（行纪衔接）");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The outcome of that name, or empty for anything else (nothing chosen, an unknown value). */
	public static Optional<Outcome> of(String value) {
		return Arrays.stream(values()).filter(o -> o.name().equals(value == null ? "" : value.trim())).findFirst();
	}
}

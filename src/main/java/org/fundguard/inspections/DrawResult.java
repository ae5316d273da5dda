package org.fundguard.inspections;

import java.util.List;

/**
 * What a draw chose: the institutions in the order they were drawn, each with its team, and every inspector who
 * was passed over for an institution, with the reason (回避记录).
 */
public record DrawResult(List<Drawn> institutions, List<Skip> skipped) {

	public DrawResult {
		institutions = List.copyOf(institutions);
		skipped = List.copyOf(skipped);
	}

	/** A drawn institution; {@code team} lists inspector ids in the order they were drawn. */
	public record Drawn(int seq, String code, String name, String stratum, List<String> team) {
		public Drawn {
			team = List.copyOf(team);
		}
	}

	/** An inspector not eligible for an institution. */
	public record Skip(String institution, String inspector, Reason reason) {
	}

	public enum Reason {
		CONFLICT("本人申报回避"), SAME_REGION("所在单位与检查对象同一区划"), SAME_CITY("跨市交叉：同市回避"),
		CITY_UNKNOWN("跨市交叉：所在城市不明");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}

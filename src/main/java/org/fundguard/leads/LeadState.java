package org.fundguard.leads;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a monitoring lead stands (线索状态), and which changes are legal from each state.
 * <p>
 * A lead that became an audit case is {@link #CASE_OPENED} (已立案), not {@link #CLOSED} (已结案): from then on the
 * case carries the work and its own status, and the leads list must still tell "went to a case" apart from "finished
 * without one". {@code CLOSED} is the end of a lead that needs no case: void, or confirmed below the case threshold
 * and recovered through the institution's deductions.
 * <p>
 * The review states ({@code ISSUED} … {@code PARTLY_CONFIRMED}) follow the issued signals' review; a settled lead may
 * go back {@code IN_REVIEW} when further signals of it are issued after a rerun found them.
 */
public enum LeadState {

	OPEN("待处理"),
	ISSUED("已下发"),
	IN_REVIEW("复核中"),
	CONFIRMED("已确认"),
	VOID("已作废"),
	PARTLY_CONFIRMED("部分确认"),
	CASE_OPENED("已立案"),
	CLOSED("已结案"),
	/** A fund lead taken up by a focused inspection (重点检查), which carries the work from then on. */
	FOCUS_OPENED("已开展重点检查");

	private final String label;

	LeadState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The states this one may change to. */
	public Set<LeadState> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(ISSUED, VOID, CASE_OPENED, FOCUS_OPENED);
			case ISSUED -> EnumSet.of(IN_REVIEW, CONFIRMED, VOID, PARTLY_CONFIRMED, CASE_OPENED);
			case IN_REVIEW -> EnumSet.of(CONFIRMED, VOID, PARTLY_CONFIRMED, CASE_OPENED);
			case CONFIRMED, PARTLY_CONFIRMED -> EnumSet.of(IN_REVIEW, CASE_OPENED, CLOSED);
			case VOID -> EnumSet.of(IN_REVIEW, CLOSED);
			case CASE_OPENED, CLOSED, FOCUS_OPENED -> EnumSet.noneOf(LeadState.class);
		};
	}

	public boolean mayMoveTo(LeadState to) {
		return next().contains(to);
	}

	/** Every issued signal decided: the review has a result. */
	public boolean settled() {
		return this == CONFIRMED || this == VOID || this == PARTLY_CONFIRMED;
	}

	/** The Chinese label of a stored code; the code itself if it is none. */
	public static String labelOf(String code) {
		for (LeadState s : values()) {
			if (s.name().equals(code)) {
				return s.label;
			}
		}
		return code;
	}
}

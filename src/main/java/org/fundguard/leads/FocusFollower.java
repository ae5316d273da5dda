package org.fundguard.leads;

import org.fundguard.focus.FocusedInspectionOpened;
import org.fundguard.record.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A fund lead's focused inspection opened — from the leads page or straight through /api/focus — takes the lead from
 * 待处理 to 已开展重点检查 in the same transaction, by whoever opened it. A lead whose state allows it no more (void,
 * closed) refuses, and the focused inspection is not opened.
 */
@Component
class FocusFollower {

	private final LeadStates states;

	FocusFollower(LeadStates states) {
		this.states = states;
	}

	@EventListener
	void opened(FocusedInspectionOpened event) {
		states.move(event.leadId(), LeadState.FOCUS_OPENED, new Actor(event.openedBy(), event.openedAs()),
				"开展重点检查 第 " + event.focusId() + " 号");
	}
}

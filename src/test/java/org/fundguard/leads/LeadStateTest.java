package org.fundguard.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.leads.LeadState.CASE_OPENED;
import static org.fundguard.leads.LeadState.CLOSED;
import static org.fundguard.leads.LeadState.CONFIRMED;
import static org.fundguard.leads.LeadState.FOCUS_OPENED;
import static org.fundguard.leads.LeadState.IN_REVIEW;
import static org.fundguard.leads.LeadState.ISSUED;
import static org.fundguard.leads.LeadState.OPEN;
import static org.fundguard.leads.LeadState.PARTLY_CONFIRMED;
import static org.fundguard.leads.LeadState.VOID;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pair of states: the legal changes are exactly the lead's life, every other pair is refused. */
class LeadStateTest {

	/** The lead's life as issue 18 writes it, spelled out here independently of the enum. */
	private static final Map<LeadState, Set<LeadState>> LEGAL = Map.of(
			OPEN, EnumSet.of(ISSUED, VOID, CASE_OPENED, FOCUS_OPENED),
			ISSUED, EnumSet.of(IN_REVIEW, CONFIRMED, VOID, PARTLY_CONFIRMED, CASE_OPENED),
			IN_REVIEW, EnumSet.of(CONFIRMED, VOID, PARTLY_CONFIRMED, CASE_OPENED),
			CONFIRMED, EnumSet.of(IN_REVIEW, CASE_OPENED, CLOSED),
			PARTLY_CONFIRMED, EnumSet.of(IN_REVIEW, CASE_OPENED, CLOSED),
			VOID, EnumSet.of(IN_REVIEW, CLOSED),
			CASE_OPENED, EnumSet.noneOf(LeadState.class),
			CLOSED, EnumSet.noneOf(LeadState.class),
			FOCUS_OPENED, EnumSet.noneOf(LeadState.class));

	@ParameterizedTest
	@EnumSource(LeadState.class)
	void fromEachStateExactlyTheLegalChangesAreAllowed(LeadState from) {
		for (LeadState to : LeadState.values()) {
			assertThat(from.mayMoveTo(to)).as("%s → %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
		}
	}

	@Test
	void noStateMovesToItselfAndNothingLeadsBackToOpen() {
		for (LeadState s : LeadState.values()) {
			assertThat(s.mayMoveTo(s)).as(s.name()).isFalse();
			assertThat(s.mayMoveTo(OPEN)).as(s.name()).isFalse();
		}
	}

	@Test
	void aCaseAndTheClosureAreFinal() {
		assertThat(CASE_OPENED.next()).isEmpty();
		assertThat(CLOSED.next()).isEmpty();
	}

	@Test
	void everyStateHasAChineseLabel() {
		assertThat(LeadState.values()).extracting(LeadState::label)
			.containsExactly("待处理", "已下发", "复核中", "已确认", "已作废", "部分确认", "已立案", "已结案", "已开展重点检查");
		assertThat(LeadState.labelOf("PARTLY_CONFIRMED")).isEqualTo("部分确认");
		assertThat(LeadState.labelOf("UNKNOWN")).isEqualTo("UNKNOWN");
	}

	@Test
	void onlyTheReviewResultsAreSettled() {
		assertThat(EnumSet.allOf(LeadState.class).stream().filter(LeadState::settled))
			.containsExactlyInAnyOrder(CONFIRMED, VOID, PARTLY_CONFIRMED);
	}
}

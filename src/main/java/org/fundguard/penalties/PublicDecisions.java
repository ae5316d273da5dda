package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fundguard.calendar.Deadlines;
import org.springframework.stereotype.Service;

/**
 * What the public may read of a published decision: institutions by name, persons masked, no case-file identifiers.
 */
@Service
public class PublicDecisions {

	/** A published decision as the public pages show it. */
	public record Entry(long id, String number, String party, String partyType, String article, String articleTitle,
			BigDecimal recovery, BigDecimal fine, String measure, List<String> computation, LocalDate decidedOn,
			LocalDate publishedOn, String exposureNote) {

		public static Entry of(PenaltyCase p) {
			return new Entry(p.id(), p.decision().number(), p.publicPartyName(), p.partyType().label(),
					p.proposal().article(), null, p.proposal().recovery(), p.proposal().fine(), p.proposal().measureText(),
					p.proposal().computation(), day(p.decision().decidedAt()), day(p.decision().publishedAt()),
					p.decision().exposureNote());
		}

		private static LocalDate day(java.time.OffsetDateTime t) {
			return t == null ? null : t.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate();
		}

		public String recoveryText() {
			return Yuan.format(recovery);
		}

		public String fineText() {
			return Yuan.format(fine);
		}
	}

	private final Penalties penalties;
	private final PenaltyDocuments documents;

	PublicDecisions(Penalties penalties, PenaltyDocuments documents) {
		this.penalties = penalties;
		this.documents = documents;
	}

	/** The decision's text as published, or empty when it is not (yet) published. */
	public Optional<String> text(long id) {
		return penalties.publishedOne(id).map(documents::publicDecision);
	}
}

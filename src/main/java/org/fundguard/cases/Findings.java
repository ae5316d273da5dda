package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.errors.Refused;

/**
 * What the investigation established (调查认定): no violation, or a violation with the loss to recover, the articles
 * of Decree 735 breached ({@code "38"}, {@code "40"} …) and the intent. The penalty procedure computes from these.
 */
public record Findings(long caseId, boolean violation, BigDecimal amountToRecover, List<String> articles, Intent intent,
		String summary, String recordedBy, OffsetDateTime recordedAt) {

	public Findings {
		amountToRecover = amountToRecover == null ? BigDecimal.ZERO : amountToRecover;
		articles = articles == null ? List.of() : List.copyOf(articles);
		if (violation && (articles.isEmpty() || intent == null)) {
			throw Refused.because("cases.findings.articles-and-intent");
		}
		if (amountToRecover.signum() < 0) {
			throw Refused.because("cases.findings.negative-amount");
		}
	}

	public static Findings noViolation(long caseId, String summary, String by) {
		return new Findings(caseId, false, BigDecimal.ZERO, List.of(), null, summary, by, null);
	}
}

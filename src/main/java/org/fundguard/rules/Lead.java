package org.fundguard.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An audit lead: all signals of one party (a provider, a person, a fund) in one window.
 * <p>
 * Risk score = Σ over the lead's rules (not suppressed) of severity weight (high 5, medium 3, low 1) × (1 + log10 of
 * that rule's signal count) + log10(1 + money involved in yuan). So a second rule counts more than a second line of
 * the same rule, and money raises the score gently: ¥10,000 adds 4, ¥1,000,000 adds 6.
 */
public record Lead(String id, String partyType, String partyKey, LocalDate from, LocalDate to, String runId, long signals,
		long suppressed, String rules, BigDecimal money, double riskScore, String status, OffsetDateTime updatedAt) {

	static double riskScore(java.util.Map<RuleDefinition, Long> signalsByRule, double money) {
		double score = 0;
		for (var e : signalsByRule.entrySet()) {
			if (e.getValue() > 0) {
				score += e.getKey().severityWeight() * (1 + Math.log10(e.getValue()));
			}
		}
		return Math.round((score + Math.log10(1 + Math.max(0, money))) * 100) / 100.0;
	}

	static String id(String partyType, String partyKey, Window window) {
		return java.util.UUID.nameUUIDFromBytes((partyType + "|" + partyKey + "|" + window).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
	}
}

package org.fundguard.institutions;

import java.time.LocalDate;

/**
 * A measure on a provider's service agreement (医保服务协议): suspension for a period, or termination.
 *
 * @param until last day of a suspension; null for a termination
 */
public record AgreementMeasure(long id, String providerCode, Kind kind, LocalDate from, LocalDate until, String reason,
		String caseNumber, String decidedBy) {

	public enum Kind {
		SUSPENDED("暂停医保服务协议"), TERMINATED("解除医保服务协议");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean appliesOn(LocalDate day) {
		return !day.isBefore(from) && (until == null || !day.isAfter(until));
	}
}

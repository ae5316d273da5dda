package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An institution reported, in a self-inspection (自查自纠), problems it found itself and refunded money: the recovery
 * ledger books it once, by {@code reportId}; later penalties count it as mitigation.
 *
 * @param reportId the institution's report in that self-inspection (stable, unique)
 * @param ruleIds the rules of the self-inspection the report answers, comma-separated
 * @param refunded the money the institution refunds (主动退回), in yuan
 */
public record SelfInspectionRefunded(String reportId, String selfInspectionId, String providerCode, String ruleIds,
		BigDecimal refunded, String found, LocalDate reportedOn) {
}

package org.fundguard.credit;

import java.time.LocalDate;

/**
 * An institution's credit score (医保信用评价) in a year, as computed from the recorded facts up to {@code asOf}.
 *
 * @param score 100 at the start of the year, less deductions, plus credits
 */
public record InstitutionCredit(String providerCode, String providerName, String region, int year, int score,
		CreditGrade grade, LocalDate asOf) {
}

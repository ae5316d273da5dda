package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTest {

	@Test
	void theStandardsOwnExampleIsValid() {
		// GB 11643-1999 appendix example
		assertThat(IdNumber.problem("11010519491231002X")).isEmpty();
		assertThat(IdNumber.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
	}

	@Test
	void aWrongCheckCharacterIsNamed() {
		assertThat(IdNumber.problem("110105194912310021")).contains("check character is 1, expected X");
	}

	@Test
	void malformedNumbersAreRejectedWithTheirReason() {
		assertThat(IdNumber.problem("1101051949123100")).contains("must be 18 characters");
		assertThat(IdNumber.problem("11010519491231002x")).contains("the last character must be a digit or X");
		assertThat(IdNumber.problem("1101051949A231002X")).contains("the first 17 characters must be digits");
		assertThat(IdNumber.problem("110105194902300020")).contains("characters 7-14 are not a valid birth date");
	}

	@Test
	void builtNumbersAreValidAndCarryTheirBirthDate() {
		String id = IdNumber.of("370303", LocalDate.of(1960, 2, 29), 123);

		assertThat(id).hasSize(18).startsWith("37030319600229123");
		assertThat(IdNumber.problem(id)).isEmpty();
	}
}

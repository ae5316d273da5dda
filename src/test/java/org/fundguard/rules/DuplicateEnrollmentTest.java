package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateEnrollmentTest {

	@Test
	void partitionsAreCountedForHashesOnTwoRecordsOrMore() {
		assertThat(DuplicateEnrollment.partitions(0)).isEqualTo(1);
		assertThat(DuplicateEnrollment.partitions(3 * DuplicateEnrollment.HASH_PAGE / 2)).isEqualTo(1);
		assertThat(DuplicateEnrollment.partitions(3 * DuplicateEnrollment.HASH_PAGE / 2 + 1)).isEqualTo(2);
		assertThat(DuplicateEnrollment.partitions(55_000)).isEqualTo(2);
	}
}

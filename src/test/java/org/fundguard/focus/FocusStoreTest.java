package org.fundguard.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store on H2, the default installation's database, with the real migrations: a lead opens one focused inspection,
 * and opening it again gives none (the integration tests run on PostgreSQL only, which missed H2 refusing the
 * PostgreSQL-only "on conflict" this statement once had).
 */
class FocusStoreTest {

	@Test
	void aLeadOpensOneFocusedInspectionOnH2() {
		JdbcDataSource ds = MigratedH2.dataSource("focus-store");
		FocusStore store = new FocusStore(JdbcClient.create(ds));
		OffsetDateTime at = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

		var first = store.create("FUND-370300-2026-11", "370300", "职工", List.of("R01", "R02"), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 11, 30), "director1", at);
		var again = store.create("FUND-370300-2026-11", "370300", "职工", List.of("R01"), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 11, 30), "director1", at);

		assertThat(first).isPresent();
		assertThat(again).as("the lead has its focused inspection already").isEmpty();
		assertThat(store.ofLead("FUND-370300-2026-11")).get().extracting(FocusedInspection::id).isEqualTo(first.get());
	}
}

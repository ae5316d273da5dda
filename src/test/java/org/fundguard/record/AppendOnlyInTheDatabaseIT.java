package org.fundguard.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.util.concurrent.ThreadLocalRandom;

import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On PostgreSQL the database itself keeps the enforcement record append-only: the application's own role is refused
 * UPDATE and DELETE (its grants, and the trigger), and so is the owner that runs the migrations (the trigger), while
 * appending still works. Only a superuser who switches triggers off gets through, which the daily roots then show.
 */
@IntegrationTest
class AppendOnlyInTheDatabaseIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnforcementRecord record;

	@Autowired
	Environment env;

	@Test
	void theApplicationsRoleAndTheOwnerAreRefusedEveryRewrite() throws Exception {
		assumeTrue(env.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:"),
				"the database's own protection is PostgreSQL's (grants and a trigger); H2 has the application's only");
		long caseId = 8_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000_000);
		record.append(caseId, Actor.SYSTEM, "立案", "决定立案");
		record.append(caseId, Actor.SYSTEM, "调查", "调取病历");
		int refused = 0;

		String update = "update enforcement_record set detail = '不予立案' where case_id = " + caseId + " and seq = 2";
		String delete = "delete from enforcement_record where case_id = " + caseId + " and seq = 2";
		for (String sql : new String[] { update, delete }) {
			assertThatThrownBy(() -> jdbc.sql(sql).update()).as("the application's role: " + sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining(env.getProperty("spring.datasource.username").equals(env.getProperty("spring.flyway.user"))
						? "append-only" : "permission denied");
			refused++;
		}
		try (var owner = DriverManager.getConnection(env.getProperty("spring.datasource.url"), env.getProperty("spring.flyway.user"),
				env.getProperty("spring.flyway.password"))) {
			JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
			for (String sql : new String[] { update, delete, "truncate enforcement_record" }) {
				assertThatThrownBy(() -> asOwner.sql(sql).update()).as("the owner: " + sql)
					.isInstanceOf(DataAccessException.class)
					.rootCause()
					.hasMessageContaining("append-only");
				refused++;
			}
		}
		System.out.println("rewrite attempts refused by the database: " + refused);
		assertThat(record.verify(caseId).intact()).isTrue();
		assertThat(record.entries(caseId)).hasSize(2);
		record.append(caseId, Actor.SYSTEM, "告知", "送达告知书");
		assertThat(record.entries(caseId)).as("appending still works").hasSize(3);
	}
}

package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The verifier as users reach it, against the real database: the endpoint and the {@code record verify} command say
 * intact for an untouched case and name the first entry after someone changed the table behind the application's back.
 */
@IntegrationTest
class RecordVerificationIT {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	RecordCommand command;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.core.env.Environment env;

	@Test
	void theEndpointAndTheCommandReportAnIntactChainAndThenTheModifiedEntry() {
		fixtures.demoInspectors(java.util.List.of());
		AuditCase c = fixtures.open(CaseFixtures.uniqueProvider("370303"), "核验测试医院", "370303");
		fixtures.fileAndAssign(c, "inspector1", false);
		String director = KeycloakTokens.accessToken("director1");

		var intact = Http.get(url(c.number()), director);
		assertThat(intact.statusCode()).isEqualTo(200);
		assertThat(intact.body()).contains("\"intact\":true", "\"firstBadSeq\":null", "\"caseNumber\":\"" + c.number() + "\"");
		assertThat(run("verify", c.number())).isEqualTo(new Result(0, c.number() + "  完整 / intact  (3 条 entries)"));

		try (var admin = org.fundguard.support.FullDatabaseAccess.open(env)) {
			admin.jdbc().sql("update enforcement_record set detail = '不予立案' where case_id = ? and seq = 2").param(c.id()).update();
		}

		var broken = Http.get(url(c.number()), director);
		assertThat(broken.body()).contains("\"intact\":false", "\"firstBadSeq\":2", "修改");
		Result one = run("verify", c.number());
		assertThat(one.exitCode()).isEqualTo(1);
		assertThat(one.firstLine()).startsWith(c.number() + "  已损坏 / BROKEN  第 2 条");
		assertThat(run("verify", "--all").exitCode()).isEqualTo(1);
		assertThat(run("verify", "370300-1999-999999").exitCode()).isEqualTo(2);
		assertThat(run("check").exitCode()).isEqualTo(2);
	}

	private String url(String number) {
		return "http://localhost:" + port + "/api/cases/" + number + "/record/verification";
	}

	record Result(int exitCode, String firstLine) {
	}

	private Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
	}
}

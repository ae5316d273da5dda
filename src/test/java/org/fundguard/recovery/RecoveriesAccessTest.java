package org.fundguard.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.rules.RuleCatalogue;
import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.ui.ExtendedModelMap;

/**
 * Which rows each caller reads, with tokens built by hand as Keycloak would issue them (role and provider_code claim):
 * an institution its own rows only, whatever it asks for; a token with the role and no code nothing. Which role
 * reaches which path at all is EndpointAccess's, held by RecoveriesIT against the real Keycloak.
 */
class RecoveriesAccessTest {

	private static final String H1 = "H37030300011";
	private static final String H2 = "H37030300022";

	private RecoveryLedger ledger;
	private RecoveriesApi api;
	private RecoveriesPage page;

	@BeforeEach
	void ledgerWithTwoInstitutions() {
		JdbcDataSource ds = MigratedH2.dataSource("recovery-access");
		ledger = new RecoveryLedger(JdbcClient.create(ds), Clock.systemUTC());
		book("a", H1, "100.00", "2026-10-15");
		book("b", H1, "20.50", "2026-11-02");
		book("c", H2, "999.99", "2026-11-03");
		api = new RecoveriesApi(ledger);
		page = new RecoveriesPage(ledger, mock(RuleCatalogue.class));
	}

	private void book(String key, String provider, String amount, String day) {
		ledger.book(new RecoveryLedger.Booking(RecoverySource.APPEAL_OUTCOME, key, provider, null, new BigDecimal(amount),
				"重复收费", LocalDate.parse(day), "R1", "lead-" + key));
	}

	private static Authentication token(String username, String role, String providerCode) {
		Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "none").subject(username).claim("preferred_username", username);
		if (providerCode != null) {
			jwt.claim("provider_code", providerCode);
		}
		return new JwtAuthenticationToken(jwt.build(), List.of(new SimpleGrantedAuthority("ROLE_" + role)), username);
	}

	@Test
	void anInstitutionReadsOnlyItsOwnRowsAndMonths() {
		RecoveriesApi.OwnLedger own = api.own(token("institution1", "institution", H1), null, null);

		assertThat(own.providerCode()).isEqualTo(H1);
		assertThat(own.entries()).extracting(RecoveryEntry::providerCode).containsOnly(H1).hasSize(2);
		assertThat(own.overall().amount()).isEqualByComparingTo("120.50");
		assertThat(own.byMonth()).extracting(RecoveryTotals.Total::key).containsExactly("2026-10", "2026-11");
		assertThat(own.byMonth().get(1).amount()).as("the other institution's November row is not in it")
			.isEqualByComparingTo("20.50");
	}

	@Test
	void theInstitutionPageShowsOnlyItsOwnRowsToo() {
		var model = new ExtendedModelMap();

		assertThat(page.institution(token("institution2", "institution", H2), null, null, model)).isEqualTo("recovery/institution");

		@SuppressWarnings("unchecked")
		List<RecoveryEntry> entries = (List<RecoveryEntry>) model.get("entries");
		assertThat(entries).extracting(RecoveryEntry::sourceKey).containsExactly("c");
		assertThat(((RecoveryTotals) model.get("totals")).overall().amount()).isEqualByComparingTo("999.99");
	}

	@Test
	void anInstitutionTokenWithoutAProviderCodeReadsNothing() {
		assertThat(api.own(token("institution9", "institution", null), null, null).entries()).isEmpty();
		var model = new ExtendedModelMap();
		page.institution(token("institution9", "institution", null), null, null, model);
		assertThat((List<?>) model.get("entries")).isEmpty();
	}

	@Test
	void aBureauTokenIsNoInstitutionOnTheInstitutionsApi() {
		assertThatThrownBy(() -> api.own(token("analyst1", "analyst", null), null, null))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Refused.Reason.FORBIDDEN));
	}

	@Test
	void theBureauSeesEveryInstitutionWithTotals() {
		RecoveriesApi.Ledger all = api.list(null, null, null, null, null);

		assertThat(all.entries()).hasSize(3);
		assertThat(all.totals().byInstitution()).extracting(RecoveryTotals.Total::key).containsExactly(H2, H1);
		assertThat(api.list(LocalDate.of(2026, 11, 1), null, H1, null, null).entries()).extracting(RecoveryEntry::sourceKey)
			.containsExactly("b");
	}

	@Test
	void theExportIsUtf8WithoutBomAndAPeriodEndingBeforeItStartsIsRefused() throws Exception {
		var response = api.export(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
		var bytes = new ByteArrayOutputStream();
		response.getBody().writeTo(bytes);

		assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("recoveries-2026-11-01-2026-11-30.csv");
		assertThat(bytes.toByteArray()[0]).as("no byte-order mark").isEqualTo((byte) 'r');
		String csv = bytes.toString(StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).hasSize(3);
		assertThat(csv).contains(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, "b") + ",APPEAL_OUTCOME," + H1 + ",,20.50,2026-11-02,R1,lead-b,重复收费");

		assertThatThrownBy(() -> api.export(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1)))
			.isInstanceOfSatisfying(Refused.class, r -> {
				assertThat(r.key()).isEqualTo("recovery.period.backwards");
				assertThat(r.getMessage()).isEqualTo("期间的止日（2026-11-01）早于起日（2026-11-30）");
			});
	}
}

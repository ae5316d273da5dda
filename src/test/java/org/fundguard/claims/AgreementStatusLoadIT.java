package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.institutions.ProviderAgreements;
import org.fundguard.record.Actor;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service agreement suspended by an audit case outranks the export's "active" for later loads, for as long as the
 * suspension runs; providers without a measure keep the export's status.
 */
@IntegrationTest
class AgreementStatusLoadIT {

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ClaimIndices indices;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	ProviderAgreements agreements;

	@TempDir
	Path temp;

	@Test
	void aProviderSuspendedByACaseIsLoadedAsSuspended() throws Exception {
		String suspended = code();
		String untouched = code();
		agreements.suspend(suspended, LocalDate.now().minusDays(1), LocalDate.now().plusMonths(6), "稽核案件：重复收费",
				"370300-2026-000001", new Actor("director1", "director"));
		Path folder = new TinyExport("AG" + UUID.randomUUID().toString().substring(0, 6) + "-")
			.add("providers.csv", suspended, "暂停协议医院", "hospital", "370303", "2", "active", "2019-01-01")
			.add("providers.csv", untouched, "正常协议医院", "hospital", "370303", "2", "active", "2019-01-01")
			.writeTo(temp.resolve("export"));

		LoadRecord load = loader.load(folder, "analyst1", LoadProgress.NONE);

		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		assertThat(provider(suspended).path("agreement_status").asText()).isEqualTo("suspended");
		assertThat(provider(untouched).path("agreement_status").asText()).isEqualTo("active");
	}

	private static String code() {
		return "H370303" + String.format("%05d", (int) (Math.random() * 100000));
	}

	private JsonNode provider(String code) throws Exception {
		var response = elasticsearch.get(g -> g.index(indices.providers()).id(code), JsonNode.class);
		assertThat(response.found()).as(code).isTrue();
		return response.source();
	}
}

package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fundguard.claims.ClaimsDirectory.Person;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The directory other modules read providers and persons by, against the documents a load writes: more providers
 * in one region than one page holds (region 379901, which no other test loads), and the small export's persons.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsDirectoryIT {

	static final String REGION = "379901";
	static final int PROVIDERS = ClaimsDirectory.PAGE + 7;

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ClaimsDirectory directory;

	/** Static: JUnit makes an instance field's folder only after {@code @BeforeAll} ran. */
	@TempDir
	static Path temp;

	final String p = "CD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
	final List<Provider> loaded = new ArrayList<>();

	@BeforeAll
	void load() {
		TinyExport export = new TinyExport(p);
		for (int n = 1; n <= PROVIDERS; n++) {
			Provider provider = new Provider("H" + REGION + "%05d".formatted(n), "名录测试医院" + n, n % 3 == 0 ? "clinic" : "hospital",
					n % 5 == 0 ? null : String.valueOf(n % 4), REGION, n % 11 == 0 ? "suspended" : "active");
			loaded.add(provider);
			export.add("providers.csv", provider.code(), provider.name(), provider.type(), provider.region(),
					provider.level() == null ? "" : provider.level(), provider.agreementStatus(), "2020-01-01");
		}
		LoadRecord load = loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
	}

	@Test
	void aProviderIsFoundByItsCodeAsTheExportNamesIt() {
		assertThat(directory.provider("H37030300011")).contains(
				new Provider("H37030300011", "淄博市第一医院", "hospital", "3", "370303", "active"));
		assertThat(directory.provider("P37030200007")).get().extracting(Provider::level).as("a pharmacy has no grade").isNull();
		assertThat(directory.provider("H99999999999")).isEmpty();
	}

	@Test
	void theProvidersOfARegionComeInCodeOrderPastOnePage() {
		assertThat(directory.providersIn(List.of(REGION), List.of(), List.of())).containsExactlyElementsOf(loaded);
	}

	@Test
	void typesAndLevelsNarrowTheScopeAndAnEmptyListLeavesItOpen() {
		List<Provider> found = directory.providersIn(List.of("3799"), List.of("clinic"), List.of("2", "0"));

		assertThat(found).isNotEmpty()
			.containsExactlyElementsOf(loaded.stream()
				.filter(x -> x.type().equals("clinic") && ("2".equals(x.level()) || "0".equals(x.level())))
				.toList());
		assertThat(directory.providersIn(List.of("37990"), List.of("pharmacy"), List.of())).isEmpty();
	}

	@Test
	void thePortalFindsProvidersByWordsOfTheNameOrTheStartOfTheCode() {
		assertThat(directory.searchProviders("名录测试医院17", 10)).extracting(Provider::code).first().isEqualTo("H" + REGION + "00017");
		assertThat(directory.searchProviders("H3799010001", 10)).hasSize(10)
			.allSatisfy(x -> assertThat(x.code()).startsWith("H3799010001"));
		assertThat(directory.searchProviders("没有这样的机构", 10)).isEmpty();
	}

	@Test
	void aPersonIsKnownByTheMaskedNameAndTheInsuredRegion() {
		assertThat(directory.person(p + "P1")).contains(new Person(p + "P1", "王**", "370300"));
		assertThat(directory.person(p + "P9")).isEmpty();
	}
}

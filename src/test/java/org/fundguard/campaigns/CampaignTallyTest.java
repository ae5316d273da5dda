package org.fundguard.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

class CampaignTallyTest {

	private final CampaignScope scope = new CampaignScope(List.of("3703", "370302"), List.of("hospital"));

	@Test
	void anInstitutionFallsUnderTheLongestMatchingPrefixAndItsType() {
		assertThat(scope.regionOf("370302")).contains("370302");
		assertThat(scope.regionOf("370322")).contains("3703");
		assertThat(scope.regionOf("370102")).isEmpty();
		assertThat(scope.covers("370322", "hospital")).isTrue();
		assertThat(scope.covers("370322", "pharmacy")).isFalse();
		assertThat(new CampaignScope(List.of("37"), List.of()).covers("370102", "pharmacy")).isTrue();
	}

	@Test
	void coveredCountsEachInstitutionInScopeOnceWhicheverPhaseReachedIt() {
		CampaignTally tally = new CampaignTally(scope);
		tally.inScope("H1", "370302");
		tally.inScope("H2", "370322");
		tally.inScope("H3", "370322");
		tally.covered("H1");
		tally.covered("H1");
		tally.covered("H2");
		tally.covered("H9");

		assertThat(tally.total().inScope()).isEqualTo(3);
		assertThat(tally.total().covered()).isEqualTo(2);
		assertThat(tally.byRegion()).extracting(CampaignTally.Row::region, CampaignTally.Row::inScope,
				CampaignTally.Row::covered)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("3703", 2, 1),
					org.assertj.core.groups.Tuple.tuple("370302", 1, 1));
	}

	@Test
	void factsAndMoneyGoToTheirRegionAndWhatIsOutsideTheScopeToOther() {
		CampaignTally tally = new CampaignTally(scope);
		tally.inScope("H1", "370302");
		tally.refund("H1", new BigDecimal("100.50"));
		tally.fact(CampaignStore.Kind.SIGNAL, "370302");
		tally.fact(CampaignStore.Kind.CASE, "370302");
		tally.fact(CampaignStore.Kind.CASE, "370102");
		tally.fact(CampaignStore.Kind.PENALTY, "370322");
		tally.recovered("370302", new BigDecimal("20.00"));
		tally.recovered(tally.regionOfInstitution("H1"), new BigDecimal("100.50"));

		CampaignTally.Row total = tally.total();
		assertThat(total.signals()).isEqualTo(1);
		assertThat(total.cases()).isEqualTo(2);
		assertThat(total.penalties()).isEqualTo(1);
		assertThat(total.refunds()).isEqualByComparingTo("100.50");
		assertThat(total.recovered()).isEqualByComparingTo("120.50");
		assertThat(tally.byRegion()).extracting(CampaignTally.Row::region).containsExactly("3703", "370302",
				CampaignTally.OTHER);
		assertThat(tally.byRegion().get(2).cases()).isEqualTo(1);
		assertThat(tally.byRegion().get(0).penalties()).isEqualTo(1);
	}

	@Test
	void aDraftNamesTheFieldItRefuses() {
		LocalDate from = LocalDate.of(2033, 1, 1);
		LocalDate to = LocalDate.of(2033, 6, 30);
		assertThatThrownBy(() -> draft("", from, to, List.of("3703"), List.of("r"), Campaign.InspectionMode.FULL, null))
			.isInstanceOf(Refused.class).extracting("key").isEqualTo("campaigns.define.name-required");
		assertThatThrownBy(() -> draft("n", to, from, List.of("3703"), List.of("r"), Campaign.InspectionMode.FULL, null))
			.extracting("key").isEqualTo("campaigns.define.period-reversed");
		assertThatThrownBy(() -> draft("n", from, to, List.of("37x"), List.of("r"), Campaign.InspectionMode.FULL, null))
			.extracting("key").isEqualTo("campaigns.define.bad-region");
		assertThatThrownBy(() -> draft("n", from, to, List.of("3703"), List.of(), Campaign.InspectionMode.FULL, null))
			.extracting("key").isEqualTo("campaigns.define.rules-required");
		assertThatThrownBy(() -> draft("n", from, to, List.of("3703"), List.of("r"), null, null))
			.extracting("key").isEqualTo("campaigns.define.mode-required");
		assertThatThrownBy(() -> draft("n", from, to, List.of("3703"), List.of("r"), Campaign.InspectionMode.RANDOM, 0))
			.extracting("key").isEqualTo("campaigns.define.sample-required");
		assertThat(draft("n", from, to, List.of(" 3703 ", ""), List.of("r", "r"), CampaignDraft.mode("full"), null)
			.regions()).containsExactly("3703");
	}

	private static CampaignDraft draft(String name, LocalDate from, LocalDate to, List<String> regions, List<String> rules,
			Campaign.InspectionMode mode, Integer sample) {
		return new CampaignDraft(name, from, to, regions, List.of(), rules, mode, sample, 2, 10);
	}
}

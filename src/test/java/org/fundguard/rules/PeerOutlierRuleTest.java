package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeerOutlierRuleTest {

	static final Window WINDOW = new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

	static ProviderProfile hospital(String code, String level, long settlements, long inpatient) {
		return new ProviderProfile(code, "hospital", level, settlements, inpatient, 0, 0, 0, 0, 0, inpatient * 1000.0);
	}

	static List<Hit> judge(List<ProviderProfile> profiles) {
		List<Hit> hits = new ArrayList<>();
		PeerOutlierRule.judge(PeerMetric.ADMISSION_RATE, profiles, 3.5, 30, 5, WINDOW, hits::add);
		return hits;
	}

	@Test
	void aProviderFarAboveItsPeersIsAHit() {
		List<Hit> hits = judge(List.of(hospital("H1", "2", 100, 10), hospital("H2", "2", 100, 11), hospital("H3", "2", 100, 12),
				hospital("H4", "2", 100, 9), hospital("H5", "2", 100, 60)));
		assertThat(hits).extracting(Hit::subjectKey).containsExactly("H5");
		assertThat(hits.getFirst().measured()).isGreaterThan(3.5);
		assertThat(hits.getFirst().money()).isPositive();
	}

	@Test
	void aPeerGroupOfFewerThanFiveIsNotScored() {
		assertThat(judge(List.of(hospital("H1", "2", 100, 10), hospital("H2", "2", 100, 11), hospital("H3", "2", 100, 12),
				hospital("H5", "2", 100, 60)))).isEmpty();
	}

	@Test
	void providersWithFewerThan30SettlementsAreNotScoredAndDoNotCountAsPeers() {
		assertThat(judge(List.of(hospital("H1", "2", 100, 10), hospital("H2", "2", 100, 11), hospital("H3", "2", 100, 12),
				hospital("H4", "2", 29, 9), hospital("H5", "2", 100, 60)))).isEmpty();
	}

	@Test
	void peersAreTheSameTypeAndLevel() {
		assertThat(judge(List.of(hospital("H1", "2", 100, 10), hospital("H2", "2", 100, 11), hospital("H3", "2", 100, 12),
				hospital("H4", "2", 100, 9), hospital("H5", "3", 100, 60)))).isEmpty();
	}

	@Test
	void theHvmcMeasureLeavesOutProvidersWithoutInpatientSettlements() {
		ProviderProfile noStays = new ProviderProfile("H9", "hospital", "2", 100, 0, 0, 0, 500, 0, 0, 0);
		assertThat(PeerMetric.HVMC.value(noStays)).isNull();
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineRulesTest {

	static final Window WINDOW = new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

	static Stay stay(String id, String provider, String start, String end, String diag3) {
		return new Stay(id, "P1", provider, LocalDate.parse(start), LocalDate.parse(end), diag3, 1000);
	}

	static List<Hit> readmissions(long d, Stay... stays) {
		List<Hit> hits = new ArrayList<>();
		TimelineRules.readmissions(List.of(stays), d, WINDOW, hits::add);
		return hits;
	}

	static List<Hit> overlaps(Stay... stays) {
		List<Hit> hits = new ArrayList<>();
		TimelineRules.overlaps(List.of(stays), hits::add);
		return hits;
	}

	@Test
	void readmissionOnTheDayOfDischargeIsGapZeroAndAHit() {
		List<Hit> hits = readmissions(15, stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H1", "2026-03-10", "2026-03-20", "I63"));
		assertThat(hits).extracting(Hit::subjectKey).containsExactly("S2");
		assertThat(hits.getFirst().measured()).isZero();
	}

	@Test
	void readmissionExactlyDDaysLaterIsAHitAndDPlusOneIsNot() {
		assertThat(readmissions(15, stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H1", "2026-03-25", "2026-03-30", "I63")))
			.extracting(Hit::subjectKey).containsExactly("S2");
		assertThat(readmissions(15, stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H1", "2026-03-26", "2026-03-30", "I63")))
			.isEmpty();
	}

	@Test
	void readmissionNeedsTheSameProviderAndTheSameFirstThreeCharacters() {
		assertThat(readmissions(15, stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H2", "2026-03-12", "2026-03-20", "I63"))).isEmpty();
		assertThat(readmissions(15, stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H1", "2026-03-12", "2026-03-20", "I64"))).isEmpty();
	}

	@Test
	void aReadmissionBeforeTheWindowIsNotReportedButADischargeBeforeItCounts() {
		assertThat(readmissions(15, stay("S0", "H1", "2025-12-20", "2025-12-25", "I63"), stay("S1", "H1", "2025-12-28", "2025-12-30", "I63")))
			.isEmpty();
		assertThat(readmissions(15, stay("S0", "H1", "2025-12-20", "2025-12-25", "I63"), stay("S1", "H1", "2026-01-02", "2026-01-05", "I63")))
			.extracting(Hit::subjectKey).containsExactly("S1");
	}

	@Test
	void aSameDayTransferIsNotAnOverlap() {
		assertThat(overlaps(stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H2", "2026-03-10", "2026-03-20", "I63"))).isEmpty();
	}

	@Test
	void oneSharedNightIsAnOverlapReportedOnceWithSortedIds() {
		List<Hit> hits = overlaps(stay("S9", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H2", "2026-03-09", "2026-03-20", "J18"));
		assertThat(hits).extracting(Hit::subjectKey).containsExactly("S2|S9");
		assertThat(hits.getFirst().measured()).isEqualTo(1.0);
		assertThat(hits.getFirst().partyKey()).isEqualTo("P1");
	}

	@Test
	void staysAtTheSameProviderDoNotOverlapByThisRule() {
		assertThat(overlaps(stay("S1", "H1", "2026-03-01", "2026-03-10", "I63"), stay("S2", "H1", "2026-03-05", "2026-03-20", "I63"))).isEmpty();
	}

	@Test
	void aVisitIsDuringAStayOnlyStrictlyInside() {
		Stay s = stay("S1", "H1", "2026-03-01", "2026-03-10", "I63");
		assertThat(s.strictlyContains(LocalDate.parse("2026-03-01"))).isFalse();
		assertThat(s.strictlyContains(LocalDate.parse("2026-03-02"))).isTrue();
		assertThat(s.strictlyContains(LocalDate.parse("2026-03-09"))).isTrue();
		assertThat(s.strictlyContains(LocalDate.parse("2026-03-10"))).isFalse();
	}
}

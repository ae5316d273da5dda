package org.fundguard.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.Jurisdiction;
import org.junit.jupiter.api.Test;

/** The coverage CSV's format (docs/coverage-export.md), the year's checks and the regions a user reads. */
class CoverageCsvTest {

	@Test
	void theCsvHasABomCrlfLinesAndQuotesOnlyWhatNeedsIt() throws Exception {
		var covered = new InstitutionCoverage("H370302000001", "一院", "医院", "370302", true, true, true);
		var gaps = new InstitutionCoverage("H370302000002", "二院,东院区 \"新\"", "医院", "370302", false, true, false);
		var report = new CoverageReport(2026, List.of("3703"), List.of(gaps, covered), List.of(), null, OffsetDateTime.now());
		StringWriter out = new StringWriter();

		CoverageCsv.write(report, out);

		assertThat(out.toString()).isEqualTo("\uFEFF机构编码,机构名称,机构类型,统筹区,自查自纠,日常稽核,抽查,全覆盖,缺项\r\n"
				+ "H370302000002,\"二院,东院区 \"\"新\"\"\",医院,370302,否,是,否,否,自查自纠、抽查\r\n"
				+ "H370302000001,一院,医院,370302,是,是,是,是,\r\n");
	}

	@Test
	void aYearIsFrom2000ToThisYearAndAUserReadsOwnRegionsWithinTheJurisdiction() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC);
		Coverage coverage = new Coverage(null, new Jurisdiction("淄博市医疗保障局", List.of("3703")), null, null, null, null, clock);

		// 01:00 on New Year's Day in Beijing: the new year already counts
		assertThat(coverage.checkedYear(null)).isEqualTo(2027);
		assertThat(coverage.checkedYear("2027")).isEqualTo(2027);
		assertThat(coverage.checkedYear(" 2019 ")).isEqualTo(2019);
		assertThatThrownBy(() -> coverage.checkedYear("2028")).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> coverage.checkedYear("1999")).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> coverage.checkedYear("二〇二五")).isInstanceOf(Refused.class);
		assertThat(coverage.regionsFor(List.of())).containsExactly("3703");
		assertThat(coverage.regionsFor(List.of("370303", "3704"))).containsExactly("370303");
		assertThat(coverage.regionsFor(List.of("3704"))).containsExactly("3703");
	}
}

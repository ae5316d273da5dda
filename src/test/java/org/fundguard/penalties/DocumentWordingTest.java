package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The Chinese way of writing dates, periods and document numbers on the penalty documents, and masking. */
class DocumentWordingTest {

	@Test
	void datesAndPeriodsAreWrittenInChineseNumerals() {
		assertThat(ChineseNumerals.date(LocalDate.of(2026, 11, 23))).isEqualTo("二〇二六年十一月二十三日");
		assertThat(ChineseNumerals.date(LocalDate.of(2027, 1, 5))).isEqualTo("二〇二七年一月五日");
		assertThat(ChineseNumerals.number(15)).isEqualTo("十五");
		assertThat(ChineseNumerals.number(60)).isEqualTo("六十");
		assertThat(ChineseNumerals.number(6)).isEqualTo("六");
	}

	@Test
	void documentNumbersFollowTheBureausPattern() {
		assertThat(PenaltyDocuments.number("淄医保罚", 2026, 12)).isEqualTo("淄医保罚〔2026〕12号");
	}

	@Test
	void personsAreMaskedOnPublicPages() {
		assertThat(PenaltyCase.maskPerson("张伟")).isEqualTo("张*");
		assertThat(PenaltyCase.maskPerson("欧阳娜娜")).isEqualTo("欧***");
		assertThat(PenaltyCase.maskPerson("")).isEqualTo("*");
	}
}

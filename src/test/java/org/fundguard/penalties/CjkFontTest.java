package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** The CJK font for the PDF documents, and the Chinese way of writing dates and periods on them. */
class CjkFontTest {

	private static final Path MICROHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

	@Test
	void theFirstFontOfACollectionBecomesATrueTypeFontWithChineseGlyphs() throws Exception {
		assumeTrue(Files.isReadable(MICROHEI), "fonts-wqy-microhei is installed here and in CI (.ci/run)");
		byte[] ttc = Files.readAllBytes(MICROHEI);
		assertThat(CjkFont.isCollection(ttc)).isTrue();

		byte[] ttf = CjkFont.load(MICROHEI.toString());

		assertThat(CjkFont.isCollection(ttf)).isFalse();
		try (var font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
			assertThat(font.getName()).contains("WenQuanYi");
			assertThat(font.getUnicodeCmapLookup().getGlyphId('淄')).isPositive();
			assertThat(font.getUnicodeCmapLookup().getGlyphId('罚')).isPositive();
		}
	}

	@Test
	void withoutAChineseFontTheDocumentsFailWithAClearMessage() {
		assertThatThrownBy(() -> CjkFont.load("/no/such/font.ttc"))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("找不到中文字体")
			.hasMessageContaining("fonts-wqy-microhei")
			.hasMessageContaining("FUNDGUARD_CJK_FONT");
	}

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

package org.fundguard.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** The CJK font for the PDF documents. */
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
}

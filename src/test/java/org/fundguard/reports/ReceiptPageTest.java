package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReceiptPageTest {

	@Test
	void eachReceiptIsThePageWithItsOwnCodeInPlaceOfThePlaceholder() {
		byte[][] page = ReceiptPage.cut("<p>您的回执码：</p><p id=\"receipt-code\">" + ReceiptPage.CODE_MARK + "</p><p>请保存</p>");

		String first = new String(ReceiptPage.fill(page, "7K3M-Q2PA-XY9Z-0000-ABCD"), StandardCharsets.UTF_8);
		String second = new String(ReceiptPage.fill(page, "1111-2222-3333-4444-5555"), StandardCharsets.UTF_8);

		assertThat(first).isEqualTo("<p>您的回执码：</p><p id=\"receipt-code\">7K3M-Q2PA-XY9Z-0000-ABCD</p><p>请保存</p>");
		assertThat(second).contains(">1111-2222-3333-4444-5555<").doesNotContain("7K3M");
	}

	@Test
	void aPageWithoutThePlaceholderOrWithItTwiceIsNotCached() {
		assertThat(ReceiptPage.cut("<p>no code</p>")).isNull();
		assertThat(ReceiptPage.cut(ReceiptPage.CODE_MARK + ReceiptPage.CODE_MARK)).isNull();
	}
}

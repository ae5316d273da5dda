package org.fundguard.reports.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReceiptPageTest {

	@Test
	void eachReceiptIsThePageWithItsOwnCodeInPlaceOfThePlaceholder() {
		var page = MarkedPage.cut("<p>您的回执码：</p><p id=\"receipt-code\">" + ReceiptPage.CODE_MARK + "</p><p>请保存</p>",
				HtmlView.CONTENT_TYPE, ReceiptPage.CODE_MARK);

		String first = new String(page.fill("7K3M-Q2PA-XY9Z-0000-ABCD"), StandardCharsets.UTF_8);
		String second = new String(page.fill("1111-2222-3333-4444-5555"), StandardCharsets.UTF_8);

		assertThat(first).isEqualTo("<p>您的回执码：</p><p id=\"receipt-code\">7K3M-Q2PA-XY9Z-0000-ABCD</p><p>请保存</p>");
		assertThat(second).contains(">1111-2222-3333-4444-5555<").doesNotContain("7K3M");
	}

	@Test
	void aPageWithoutThePlaceholderOrWithItTwiceIsNotCached() {
		assertThat(MarkedPage.cut("<p>no code</p>", HtmlView.CONTENT_TYPE, ReceiptPage.CODE_MARK)).isNull();
		assertThat(MarkedPage.cut(ReceiptPage.CODE_MARK + ReceiptPage.CODE_MARK, HtmlView.CONTENT_TYPE, ReceiptPage.CODE_MARK))
			.isNull();
	}
}

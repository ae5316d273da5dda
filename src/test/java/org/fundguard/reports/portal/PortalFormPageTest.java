package org.fundguard.reports.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PortalFormPageTest {

	private static final String TYPE = "text/html;charset=UTF-8";

	@Test
	void theServedPageIsTheRenderedPageWithThisRequestsTokenAndChallenge() {
		String rendered = "<form><input type=\"hidden\" name=\"_csrf\" value=\"" + PortalFormPage.CSRF_MARK
				+ "\"/><input name=\"challenge\" value=\"" + PortalFormPage.CHALLENGE_MARK + "\"> 我要举报 </form>";
		var page = MarkedPage.cut(rendered, TYPE, PortalFormPage.CSRF_MARK, PortalFormPage.CHALLENGE_MARK);

		String token = "aB3_x-Yz9=";
		String challenge = "v1.mabc12.Zm9vYmFy.c2lnbmF0dXJl";
		String served = new String(page.fill(token, challenge), StandardCharsets.UTF_8);

		assertThat(served).isEqualTo(rendered.replace(PortalFormPage.CSRF_MARK, token)
			.replace(PortalFormPage.CHALLENGE_MARK, challenge));
		assertThat(page.contentType()).isEqualTo(TYPE);
	}

	@Test
	void theOrderOfTheTwoValuesIsTakenFromThePage() {
		String rendered = "a" + PortalFormPage.CHALLENGE_MARK + "b" + PortalFormPage.CSRF_MARK + "c";
		var page = MarkedPage.cut(rendered, TYPE, PortalFormPage.CSRF_MARK, PortalFormPage.CHALLENGE_MARK);

		assertThat(new String(page.fill("T", "C"), StandardCharsets.UTF_8)).isEqualTo("aCbTc");
	}

	@Test
	void aPageWithoutEachPlaceholderExactlyOnceIsNotCached() {
		String twice = PortalFormPage.CSRF_MARK + PortalFormPage.CHALLENGE_MARK + PortalFormPage.CSRF_MARK;

		assertThat(MarkedPage.cut("<form></form>", TYPE, PortalFormPage.CSRF_MARK, PortalFormPage.CHALLENGE_MARK)).isNull();
		assertThat(MarkedPage.cut(PortalFormPage.CSRF_MARK, TYPE, PortalFormPage.CSRF_MARK, PortalFormPage.CHALLENGE_MARK)).isNull();
		assertThat(MarkedPage.cut(twice, TYPE, PortalFormPage.CSRF_MARK, PortalFormPage.CHALLENGE_MARK)).isNull();
	}
}

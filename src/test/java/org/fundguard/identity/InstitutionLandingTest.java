package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/** Where a sign-in lands: an institution on its own pages, never on a bureau page that would refuse it. */
class InstitutionLandingTest {

	private static JwtAuthenticationToken signedIn(String role, String providerCode) {
		Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "none").claim("preferred_username", "u");
		if (providerCode != null) {
			jwt.claim("provider_code", providerCode);
		}
		return new JwtAuthenticationToken(jwt.build(), List.of(new SimpleGrantedAuthority("ROLE_" + role)), "u");
	}

	/** Signs in after asking for {@code path} (null: nothing asked for) and answers where the browser is sent. */
	private static String landingAfterAsking(String path, String role) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		if (path != null) {
			MockHttpServletRequest asked = new MockHttpServletRequest("GET", path);
			asked.setSession(request.getSession());
			asked.setRequestURI(path);
			new HttpSessionRequestCache().saveRequest(asked, response);
		}
		new InstitutionLanding().onAuthenticationSuccess(request, response, signedIn(role, "H37030200002"));
		return response.getRedirectedUrl();
	}

	@Test
	void anInstitutionWhoAskedForTheWorkbenchOrABureauPageLandsOnItsHome() throws Exception {
		assertThat(landingAfterAsking("/", "institution")).isEqualTo("/institution");
		assertThat(landingAfterAsking("/cases/2026-1", "institution")).isEqualTo("/institution");
		assertThat(landingAfterAsking(null, "institution")).isEqualTo("/institution");
	}

	@Test
	void anInstitutionKeepsThePageOfItsOwnItAskedFor() throws Exception {
		// Spring Security marks a replayed request with "?continue"
		assertThat(landingAfterAsking("/institution/signals", "institution"))
			.isEqualTo("http://localhost/institution/signals?continue");
		assertThat(landingAfterAsking("/camunda/app/tasklist/", "institution"))
			.isEqualTo("http://localhost/camunda/app/tasklist/?continue");
		assertThat(landingAfterAsking("/institutionX", "institution")).isEqualTo("/institution");
	}

	@Test
	void theBureausStaffGoWhereTheyAskedOrToTheWorkbench() throws Exception {
		assertThat(landingAfterAsking("/cases/2026-1", "inspector")).isEqualTo("http://localhost/cases/2026-1?continue");
		assertThat(landingAfterAsking(null, "inspector")).isEqualTo("/");
	}
}

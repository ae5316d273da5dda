package org.fundguard.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a browser sign-in lands. The bureau's staff go back to the page they asked for, or to the workbench. An
 * institution's user goes to the institution home ({@code /institution}): the workbench and every other bureau page
 * answer it 403, so a sign-in that began at one of them would end on an error page. A page of its own (its signals,
 * Tasklist) is kept.
 */
final class InstitutionLanding extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String HOME = "/institution";

	private final RequestCache requests = new HttpSessionRequestCache();

	InstitutionLanding() {
		setRequestCache(requests);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (CurrentUser.from(authentication).institution()) {
			SavedRequest saved = requests.getRequest(request, response);
			if (saved == null || !ownPage(request, saved.getRedirectUrl())) {
				requests.removeRequest(request, response);
				clearAuthenticationAttributes(request);
				getRedirectStrategy().sendRedirect(request, response, HOME);
				return;
			}
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	/** A page an institution's user may open: its own pages and Camunda Tasklist. */
	static boolean ownPage(HttpServletRequest request, String url) {
		String path;
		try {
			path = java.net.URI.create(url).getPath();
		}
		catch (IllegalArgumentException notAUri) {
			return false; // home is always safe
		}
		String context = request.getContextPath();
		if (path == null || !path.startsWith(context)) {
			return false;
		}
		path = path.substring(context.length());
		return path.equals(HOME) || path.startsWith(HOME + "/") || path.startsWith("/camunda/app/tasklist/");
	}
}

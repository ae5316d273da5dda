package org.fundguard.workbench;

import org.fundguard.identity.Jurisdiction;
import org.fundguard.identity.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: the bureau, and on staff pages who is signed in. */
@ControllerAdvice
class PageHeader {

	private final Jurisdiction jurisdiction;

	PageHeader(Jurisdiction jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	@ModelAttribute("bureau")
	String bureau() {
		return jurisdiction.bureauName();
	}

	/** Null on public pages, where nobody need be signed in. */
	@ModelAttribute("user")
	CurrentUser user(Authentication authentication) {
		return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
				: CurrentUser.from(authentication);
	}
}

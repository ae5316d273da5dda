package org.fundguard.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that signs out on arrival. Camunda's webapps come here from their own "log out" (see the
 * fundguard-sso script); sign-out itself stays a POST with a CSRF token, so no other site can sign a user out.
 */
@Controller
class SignOutController {

	@GetMapping("/signout")
	String signOut() {
		return "identity/signout";
	}
}

package org.fundguard.disclosure;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The bureau's public front page, reachable without an account: where the public reports fraud and reads
 * published decisions and inspection results, and where staff are sent after signing out.
 */
@Controller
class PublicHomeController {

	@GetMapping({ "/public", "/public/" })
	String home() {
		return "disclosure/home";
	}
}

package org.fundguard.disclosure;

import org.fundguard.Jurisdiction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The bureau's public front page, reachable without an account: where the public reports fraud and reads
 * published decisions and inspection results, and where staff are sent after signing out.
 */
@Controller
class PublicHomeController {

	private final Jurisdiction jurisdiction;

	PublicHomeController(Jurisdiction jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	@GetMapping({ "/public", "/public/" })
	String home(Model model) {
		model.addAttribute("bureau", jurisdiction.bureauName());
		return "disclosure/home";
	}
}

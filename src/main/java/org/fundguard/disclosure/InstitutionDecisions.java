package org.fundguard.disclosure;

import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.penalties.Penalties;
import org.fundguard.penalties.PublicDecisions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The published penalty decisions (行政处罚决定) whose party is the calling institution, for its users (page) and its
 * system (API): the published entry, as the public reads it, but only its own. Another institution's decision answers
 * 404, as one that does not exist; a token bound to no provider code sees an empty list.
 */
@Controller
class InstitutionDecisions {

	private final Penalties penalties;

	InstitutionDecisions(Penalties penalties) {
		this.penalties = penalties;
	}

	private List<PublicDecisions.Entry> of(Authentication authentication) {
		String code = CurrentUser.from(authentication).providerCode();
		return code == null ? List.of() : penalties.publishedFor(code).stream().map(PublicDecisions.Entry::of).toList();
	}

	private PublicDecisions.Entry one(long id, Authentication authentication) {
		String code = CurrentUser.from(authentication).providerCode();
		return penalties.publishedOneFor(id, code)
			.map(PublicDecisions.Entry::of)
			.orElseThrow(() -> Refused.notFound("penalties.penalty.not-found", id));
	}

	@GetMapping("/institution/decisions")
	String page(Authentication authentication, Model model) {
		model.addAttribute("decisions", of(authentication));
		return "disclosure/institution-decisions";
	}

	@GetMapping("/institution/decisions/{id}")
	String detail(@PathVariable long id, Authentication authentication, Model model) {
		model.addAttribute("d", one(id, authentication));
		return "disclosure/institution-decision";
	}

	@Operation(summary = "本机构已公示的行政处罚决定 / the published penalty decisions about the calling institution")
	@GetMapping("/api/institution/decisions")
	@ResponseBody
	List<PublicDecisions.Entry> list(Authentication authentication) {
		return of(authentication);
	}

	@Operation(summary = "本机构的一项行政处罚决定 / one published penalty decision about the calling institution")
	@GetMapping("/api/institution/decisions/{id}")
	@ResponseBody
	PublicDecisions.Entry get(@PathVariable long id, Authentication authentication) {
		return one(id, authentication);
	}
}

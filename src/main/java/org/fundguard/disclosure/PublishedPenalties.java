package org.fundguard.disclosure;

import java.util.List;

import org.fundguard.penalties.Penalties;
import org.fundguard.penalties.PenaltyCase;
import org.fundguard.penalties.PublicDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 行政处罚决定公示 and 典型案例曝光, open to anyone: published decisions searchable by institution, article and year.
 * Institutions are named; persons appear with their name masked (张*) and without any identifier.
 */
@Controller
class PublishedPenalties {

	private final Penalties penalties;
	private final PublicDecisions decisions;

	PublishedPenalties(Penalties penalties, PublicDecisions decisions) {
		this.penalties = penalties;
		this.decisions = decisions;
	}

	@GetMapping("/public/penalties")
	String search(@RequestParam(required = false) String institution, @RequestParam(required = false) String article,
			@RequestParam(required = false) Integer year, Model model) {
		List<PenaltyCase> found = penalties.published(institution, article, year);
		model.addAttribute("decisions", found.stream().map(PublicDecisions.Entry::of).toList());
		model.addAttribute("institution", institution);
		model.addAttribute("article", article);
		model.addAttribute("year", year);
		return "disclosure/penalties";
	}

	@GetMapping("/public/penalties/{id}")
	String one(@PathVariable long id, Model model) {
		PenaltyCase p = penalties.publishedOne(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("d", PublicDecisions.Entry.of(p));
		return "disclosure/penalty";
	}

	/** The decision's text as published: the same document, the person's name masked. */
	@GetMapping("/public/penalties/{id}/document")
	ResponseEntity<String> document(@PathVariable long id) {
		String html = decisions.text(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8)).body(html);
	}

	@GetMapping("/public/exposure")
	String exposure(Model model) {
		model.addAttribute("cases", penalties.exposed().stream().map(PublicDecisions.Entry::of).toList());
		return "disclosure/exposure";
	}
}

package org.fundguard.rechecks;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.fundguard.inspections.PublishedDraw;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public side of the re-check draws (抽查复查公开): the commitment as soon as it is made, after the draw the seed
 * and the sampled case numbers and inspections (institution codes only, never a person), the downloadable inputs that
 * {@code fundguard draw verify} re-runs, and the browser verifier of the random draws ({@code js/draw-verify.js}).
 */
@Controller
class PublicRechecksController {

	private final RecheckDraws draws;

	PublicRechecksController(RecheckDraws draws) {
		this.draws = draws;
	}

	@GetMapping("/public/rechecks")
	String list(Model model) {
		List<RecheckDraw> all = draws.all();
		model.addAttribute("draws", all);
		return "rechecks/public-list";
	}

	@GetMapping("/public/rechecks/draws/{id}")
	String proof(@PathVariable long id, Model model) throws JsonProcessingException {
		PublishedDraw published = draws.published(id);
		model.addAttribute("draw", draws.get(id));
		model.addAttribute("published", published);
		model.addAttribute("inputs", RecheckDraws.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(published));
		return "rechecks/proof";
	}

	@Operation(summary = "公开的复查抽取依据（JSON）/ a published re-check draw's inputs (JSON)")
	@GetMapping(value = "/public/rechecks/draws/{id}/inputs.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<PublishedDraw> inputs(@PathVariable long id) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recheck-draw-" + id + "-inputs.json\"")
			.body(draws.published(id));
	}
}

package org.fundguard.disclosure;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.inspections.DrawRecord;
import org.fundguard.inspections.DrawVerification;
import org.fundguard.inspections.InspectionPlans;
import org.fundguard.inspections.Inspections;
import org.fundguard.inspections.Plan;
import org.fundguard.inspections.PlanDraws;
import org.fundguard.inspections.PublishedDraw;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import io.swagger.v3.oas.annotations.Operation;

/**
 * 双随机一公开 for the public, no sign-in: approved plans with their commitments, the drawn institutions and teams
 * once published, each draw's proof with its downloadable inputs and a verify button, and the published results.
 * Inspectors' names are masked; nothing of a plan shows before a director approved it.
 */
@Controller
class PublicInspectionsController {

	private final InspectionPlans plans;
	private final PlanDraws draws;
	private final Inspections inspections;
	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	PublicInspectionsController(InspectionPlans plans, PlanDraws draws, Inspections inspections) {
		this.plans = plans;
		this.draws = draws;
		this.inspections = inspections;
	}

	@GetMapping("/public/inspections")
	String plans(Model model) {
		model.addAttribute("plans", plans.published());
		return "disclosure/inspections/plans";
	}

	@GetMapping("/public/inspections/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		Plan plan = publicPlan(id);
		model.addAttribute("plan", plan);
		model.addAttribute("draws", draws.attempts(id));
		boolean published = plan.publishedAt() != null;
		model.addAttribute("inspections", published ? inspections.ofPlan(id) : List.of());
		return "disclosure/inspections/plan";
	}

	@GetMapping("/public/inspections/draws/{id}")
	String proof(@PathVariable long id, Model model) throws Exception {
		DrawRecord draw = publicDraw(id);
		model.addAttribute("draw", draw);
		model.addAttribute("plan", plans.get(draw.planId()));
		PublishedDraw published = draws.published(id);
		model.addAttribute("published", published);
		model.addAttribute("inputs", json.writerWithDefaultPrettyPrinter().writeValueAsString(published));
		return "disclosure/inspections/proof";
	}

	@Operation(summary = "公开的抽取依据（JSON）/ a published draw's inputs (JSON)")
	@GetMapping(value = "/public/inspections/draws/{id}/inputs.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<PublishedDraw> inputs(@PathVariable long id) {
		publicDraw(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fundguard-draw-" + id + ".json\"")
			.body(draws.published(id));
	}

	/** Server-side re-computation of any published-inputs JSON, the same as {@code fundguard draw verify}. */
	@Operation(summary = "复核抽取依据 / re-compute a published draw from its inputs")
	@PostMapping(value = "/public/inspections/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> verify(@RequestBody String body) {
		try {
			DrawVerification v = json.readValue(body, PublishedDraw.class).verify();
			return Map.of("matches", v.matches(), "summary", v.summary(), "problems", v.problems());
		}
		catch (Exception e) {
			return Map.of("matches", false, "summary", "验证失败：无法解析抽取依据（" + e.getClass().getSimpleName() + "）",
					"problems", List.of());
		}
	}

	@GetMapping("/public/inspections/results")
	String results(Model model) {
		model.addAttribute("results", inspections.publishedResults());
		return "disclosure/inspections/results";
	}

	private Plan publicPlan(long id) {
		return plans.find(id).filter(plans::isPublic).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private DrawRecord publicDraw(long id) {
		DrawRecord draw = draws.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		publicPlan(draw.planId());
		return draw;
	}
}

package org.fundguard.rechecks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.inspections.PublishedDraw;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-checks for the bureau's systems: the draws, one draw with its items and published inputs, the commit and the
 * draw (directors), and an item's outcome through the task gateway. Who may call what is in identity.EndpointAccess.
 */
@RestController
class RechecksApi {

	private final RecheckDraws draws;
	private final Rechecks rechecks;
	private final TaskGateway tasks;

	RechecksApi(RecheckDraws draws, Rechecks rechecks, TaskGateway tasks) {
		this.draws = draws;
		this.rechecks = rechecks;
		this.tasks = tasks;
	}

	@Operation(summary = "抽查复查抽取 / the re-check draws")
	@GetMapping("/api/rechecks")
	List<RecheckDraw> all() {
		return draws.all();
	}

	@Operation(summary = "一次抽查复查：抽中事项与公开抽取依据 / one re-check draw with its items and published inputs")
	@GetMapping("/api/rechecks/draws/{id}")
	Map<String, Object> one(@PathVariable long id) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("draw", draws.get(id));
		out.put("items", rechecks.items(id));
		out.put("published", draws.published(id));
		return out;
	}

	@Operation(summary = "公开抽取依据（与双随机抽取同一格式） / the published inputs, in the random draws' format")
	@GetMapping("/api/rechecks/draws/{id}/inputs")
	PublishedDraw inputs(@PathVariable long id) {
		return draws.published(id);
	}

	/** Body: {"year": 2026}. */
	@Operation(summary = "冻结名录并公布承诺（局领导） / freeze the year's candidates and commit a seed (directors)")
	@PostMapping("/api/rechecks/draws")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> commit(@RequestBody Map<String, Integer> body, Authentication auth) {
		Integer year = body.get("year");
		if (year == null) {
			throw Refused.because("rechecks.draw.bad-year", "");
		}
		return one(draws.commit(year, CurrentUser.from(auth)));
	}

	@Operation(summary = "抽取并下发复查任务（局领导） / draw and start the re-checks (directors)")
	@PostMapping("/api/rechecks/draws/{id}/draw")
	Map<String, Object> draw(@PathVariable long id, Authentication auth) {
		draws.draw(id, CurrentUser.from(auth));
		return one(id);
	}

	@Operation(summary = "一个复查事项 / one re-check item")
	@GetMapping("/api/rechecks/items/{id}")
	RecheckItem item(@PathVariable long id) {
		return rechecks.item(id);
	}

	/** Body: {"recheckOutcome": "UPHELD|CORRECTION|FURTHER_HANDLING", "recheckNote": "..."} or {"signOffOpinion": "..."}. */
	@Operation(summary = "完成复查事项的当前任务 / complete the item's open task (record the outcome, or sign off)")
	@PostMapping("/api/rechecks/items/{id}/complete")
	RecheckItem complete(@PathVariable long id, @RequestBody Map<String, String> form, Authentication auth) {
		WorkItem task = tasks.openOf(Rechecks.subject(id), RecheckVariables.KEY).stream().findFirst()
			.orElseThrow(() -> Refused.conflict("rechecks.item.not-awaiting", rechecks.item(id).statusLabel()));
		tasks.complete(task.id(), CurrentUser.from(auth), form);
		return rechecks.item(id);
	}
}

package org.fundguard.rechecks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseAccess;
import org.fundguard.cases.CaseViewer;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bureau's re-check pages: the draws (a director commits and draws), one draw with its items, and one item, whose
 * re-check task is completed here through the task gateway, as Tasklist would.
 */
@Controller
class RechecksPage {

	private final RecheckDraws draws;
	private final Rechecks rechecks;
	private final TaskGateway tasks;
	private final CaseAccess caseAccess;
	private final AuditCases cases;

	RechecksPage(RecheckDraws draws, Rechecks rechecks, TaskGateway tasks, CaseAccess caseAccess, AuditCases cases) {
		this.draws = draws;
		this.rechecks = rechecks;
		this.tasks = tasks;
		this.caseAccess = caseAccess;
		this.cases = cases;
	}

	@GetMapping("/rechecks")
	String list(Model model) {
		model.addAttribute("draws", draws.all());
		model.addAttribute("defaultYear", LocalDate.now(Deadlines.BUREAU_ZONE).getYear() - 1);
		model.addAttribute("parameters", draws.parameters().canonical());
		return "rechecks/list";
	}

	@PostMapping("/rechecks/draws")
	String commit(@RequestParam(defaultValue = "0") int year, Authentication auth, RedirectAttributes redirect) {
		try {
			long id = draws.commit(year, CurrentUser.from(auth));
			redirect.addFlashAttribute("message", "已冻结复查对象名录并公布承诺值；请在公开承诺后执行抽取");
			return "redirect:/rechecks/draws/" + id;
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/rechecks";
		}
	}

	@PostMapping("/rechecks/draws/{id}/draw")
	String draw(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
		try {
			int started = draws.draw(id, CurrentUser.from(auth)).size();
			redirect.addFlashAttribute("message", "抽取完成，随机种子已公布，已为 " + started + " 个复查事项下发复查任务");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/rechecks/draws/" + id;
	}

	@GetMapping("/rechecks/draws/{id}")
	String one(@PathVariable long id, Authentication auth, Model model) {
		RecheckDraw draw = draws.get(id);
		List<RecheckItem> items = rechecks.items(id);
		CurrentUser user = CurrentUser.from(auth);
		Map<Long, WorkItem> workable = items.stream()
			.map(i -> openTask(i.id()).filter(t -> t.workableBy(user)).map(t -> Map.entry(i.id(), t)))
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		model.addAttribute("draw", draw);
		model.addAttribute("published", draws.published(id));
		model.addAttribute("items", items);
		model.addAttribute("workable", workable);
		return "rechecks/draw";
	}

	@GetMapping("/rechecks/items/{id}")
	String item(@PathVariable long id, Authentication auth, Model model) {
		RecheckItem item = rechecks.item(id);
		model.addAttribute("item", item);
		model.addAttribute("draw", draws.get(item.drawId()));
		model.addAttribute("outcomes", RecheckOutcome.values());
		// the case file opens only to whom the cases module lets see it; the others read the number
		model.addAttribute("caseVisible", item.caseNumber() != null && cases.findByNumber(item.caseNumber())
			.filter(c -> caseAccess.mayView(CaseViewer.of(auth), c))
			.isPresent());
		openTask(id).filter(t -> t.workableBy(CurrentUser.from(auth))).ifPresent(t -> model.addAttribute("task", t));
		return "rechecks/item";
	}

	@PostMapping("/rechecks/items/{id}/record")
	String record(@PathVariable long id, @RequestParam(defaultValue = "") String recheckOutcome,
			@RequestParam(defaultValue = "") String recheckNote, Authentication auth, RedirectAttributes redirect) {
		return complete(id, "Task_RecordRecheckOutcome", auth, redirect, Map.of(RecheckVariables.RECHECK_OUTCOME,
				recheckOutcome, RecheckVariables.RECHECK_NOTE, recheckNote), "复查结论已记录");
	}

	@PostMapping("/rechecks/items/{id}/sign-off")
	String signOff(@PathVariable long id, @RequestParam(defaultValue = "") String signOffOpinion, Authentication auth,
			RedirectAttributes redirect) {
		return complete(id, "Task_SignOffRecheckCorrection", auth, redirect,
				Map.of(RecheckVariables.SIGN_OFF_OPINION, signOffOpinion), "已审核");
	}

	private String complete(long id, String taskKey, Authentication auth, RedirectAttributes redirect,
			Map<String, String> form, String done) {
		try {
			WorkItem task = openTask(id).filter(t -> t.key().equals(taskKey))
				.orElseThrow(() -> Refused.conflict("rechecks.item.not-awaiting", rechecks.item(id).statusLabel()));
			tasks.complete(task.id(), CurrentUser.from(auth), form);
			redirect.addFlashAttribute("message", done);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/rechecks/items/" + id;
	}

	private Optional<WorkItem> openTask(long itemId) {
		return tasks.openOf(Rechecks.subject(itemId), RecheckVariables.KEY).stream().findFirst();
	}
}

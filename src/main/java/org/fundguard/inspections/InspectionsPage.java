package org.fundguard.inspections;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentStore;
import org.fundguard.errors.Messages;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's pages for random inspections: plans (draft, approve, stopped draws), and each inspection (on-site
 * record, publication). Every action lists and completes the process's task through the task gateway, so the page,
 * the workbench and Camunda Tasklist agree.
 */
@Controller
class InspectionsPage {

	/** The plan's own tasks, worked on the plan's page. */
	static final List<String> PLAN_TASKS = List.of("Task_DraftPlan", "Task_ApprovePlan", "Task_DecideStoppedDraw");

	private final InspectionPlans plans;
	private final PlanDraws draws;
	private final Inspections inspections;
	private final InspectionProcess process;
	private final TaskGateway tasks;
	private final DocumentStore documents;
	private final InspectionsProperties properties;
	private final Deadlines deadlines;
	private final Jurisdiction jurisdiction;

	InspectionsPage(InspectionPlans plans, PlanDraws draws, Inspections inspections, InspectionProcess process,
			TaskGateway tasks, DocumentStore documents, InspectionsProperties properties, Deadlines deadlines,
			Jurisdiction jurisdiction) {
		this.jurisdiction = jurisdiction;
		this.plans = plans;
		this.draws = draws;
		this.inspections = inspections;
		this.process = process;
		this.tasks = tasks;
		this.documents = documents;
		this.properties = properties;
		this.deadlines = deadlines;
	}

	@GetMapping("/inspections")
	String index(Model model) {
		model.addAttribute("plans", plans.all());
		model.addAttribute("provincial", Cities.provincial(jurisdiction.regionPrefixes()));
		LocalDate deadline = deadlines.lastDayOf(deadlines.workingDaysFromNow(properties.defaultDeadlineWorkingDays()));
		model.addAttribute("defaults", Map.of("percent", properties.defaultSamplePercent().stripTrailingZeros().toPlainString(),
				"team", properties.defaultInspectorsPerInstitution(), "deadline", deadline, "year", deadline.getYear()));
		return "inspections/index";
	}

	@PostMapping("/inspections/plans")
	String create(PlanForm form, Authentication auth, RedirectAttributes redirect) {
		try {
			return "redirect:/inspections/plans/" + process.start(form.draft(), CurrentUser.from(auth));
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/inspections";
		}
	}

	@GetMapping("/inspections/plans/{id}")
	String plan(@PathVariable long id, Authentication auth, Model model) {
		CurrentUser user = CurrentUser.from(auth);
		Plan plan = plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("draws", draws.attempts(id));
		model.addAttribute("inspections", inspections.ofPlan(id));
		model.addAttribute("provincial", Cities.provincial(jurisdiction.regionPrefixes()));
		model.addAttribute("recusals", draws.recusals(id));
		List<WorkItem> open = planTasks(id);
		open.stream().filter(t -> t.workableBy(user)).forEach(t -> model.addAttribute(t.key(), t));
		if (open.stream().anyMatch(t -> t.key().equals("Task_DecideStoppedDraw"))) {
			model.addAttribute("drawProblem", draws.current(id).map(DrawRecord::failure).orElse(""));
		}
		return "inspections/plan";
	}

	@PostMapping("/inspections/plans/{id}")
	String update(@PathVariable long id, PlanForm form, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> plans.update(id, form.draft()), "计划已保存");
	}

	@PostMapping("/inspections/plans/{id}/submit")
	String submit(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> completePlanTask(id, "Task_DraftPlan", auth, Map.of()), "已提交负责人审批");
	}

	@PostMapping("/inspections/plans/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String opinion, Authentication auth, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> completePlanTask(id, "Task_ApprovePlan", auth,
				Map.of(InspectionVariables.PLAN_DECISION, decision, InspectionVariables.DECISION_OPINION, opinion)),
				PlanDecision.APPROVE.name().equals(decision) ? "计划已批准：承诺值已公布，抽取随即进行" : "计划已退回");
	}

	@PostMapping("/inspections/plans/{id}/stopped-draw")
	String stoppedDraw(@PathVariable long id, @RequestParam(defaultValue = "") String decision, Authentication auth,
			RedirectAttributes redirect) {
		return attempt(id, redirect, () -> completePlanTask(id, "Task_DecideStoppedDraw", auth,
				Map.of(InspectionVariables.DRAW_STOP_DECISION, decision)), "已处理");
	}

	@GetMapping("/inspections/inspections/{id}")
	String inspection(@PathVariable long id, Authentication auth, Model model) {
		CurrentUser user = CurrentUser.from(auth);
		Inspection inspection = inspections.get(id);
		model.addAttribute("inspection", inspection);
		model.addAttribute("plan", plans.get(inspection.planId()));
		model.addAttribute("results", InspectionResult.values());
		inspectionTask(inspection).filter(t -> t.workableBy(user)).ifPresent(t -> model.addAttribute("task", t));
		model.addAttribute("record", inspection.recordDocumentId() == null ? null
				: documents.find(inspection.recordDocumentId()).orElse(null));
		return "inspections/inspection";
	}

	/** The on-site record is uploaded first; the task then gets its document id in the form's field. */
	@PostMapping("/inspections/inspections/{id}/record")
	String record(@PathVariable long id, @RequestParam(defaultValue = "") String result,
			@RequestParam(defaultValue = "") String note, @RequestParam("record") MultipartFile file, Authentication auth,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		try {
			WorkItem task = inspectionTask(inspections.get(id)).filter(t -> t.key().equals("Task_InspectOnSite"))
				.orElseThrow(() -> Refused.conflict("inspections.inspection.nothing-to-record"));
			if (!task.workableBy(user)) {
				throw Refused.forbidden("process.task.not-yours");
			}
			String documentId = documents.store(file.getOriginalFilename(), file.getBytes(), user.username()).id();
			tasks.complete(task.id(), user, Map.of(InspectionVariables.INSPECTION_RESULT, result,
					InspectionVariables.RESULT_NOTE, note, InspectionVariables.RECORD_DOCUMENT_ID, documentId));
			redirect.addFlashAttribute("notice", "检查结果已记录");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (IOException e) {
			// the upload broke off: the inspector sends it again
			redirect.addFlashAttribute("error", Messages.chinese("documents.file.unreadable", file.getOriginalFilename()));
		}
		return "redirect:/inspections/inspections/" + id;
	}

	@PostMapping("/inspections/inspections/{id}/publish")
	String publish(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
		try {
			WorkItem task = inspectionTask(inspections.get(id)).filter(t -> t.key().startsWith("Task_Publish"))
				.orElseThrow(() -> Refused.conflict("inspections.inspection.nothing-to-publish"));
			tasks.complete(task.id(), CurrentUser.from(auth), Map.of());
			redirect.addFlashAttribute("notice", "检查结果已公示");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/inspections/inspections/" + id;
	}

	/** The plan's open tasks (its own and its inspections'), whoever they are for. */
	private List<WorkItem> planTasks(long planId) {
		return tasks.openOf(InspectionProcess.subject(planId), InspectionVariables.KEY).stream()
			.filter(t -> PLAN_TASKS.contains(t.key()))
			.toList();
	}

	/**
	 * The open task of one inspection (on-site record, publication, or the overdue publication): one of its plan's
	 * tasks, the one whose inspection id (the multi-instance element variable, not a process-level one) is this.
	 */
	private Optional<WorkItem> inspectionTask(Inspection inspection) {
		return tasks.openOf(InspectionProcess.subject(inspection.planId()), InspectionVariables.KEY).stream()
			.filter(t -> !PLAN_TASKS.contains(t.key()))
			.filter(t -> tasks.variable(t.id(), InspectionVariables.INSPECTION_ID) instanceof Number n
					&& n.longValue() == inspection.id())
			.findFirst();
	}

	private void completePlanTask(long planId, String key, Authentication auth, Map<String, String> form) {
		WorkItem task = planTasks(planId).stream()
			.filter(t -> t.key().equals(key))
			.findFirst()
			.orElseThrow(() -> Refused.conflict("inspections.plan.no-such-task"));
		tasks.complete(task.id(), CurrentUser.from(auth), form);
	}

	/** Runs a step of the plan's page; a refusal is shown on the page it came from. */
	private String attempt(long planId, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/inspections/plans/" + planId;
	}

	/** The plan form's fields, as the browser sends them. */
	record PlanForm(String name, Integer year, String regions, List<String> providerTypes, List<String> levels,
			String sampleMode, BigDecimal samplePercent, Integer sampleCount, String stratifyBy, Boolean riskWeighted,
			Integer inspectorsPerInstitution, LocalDate deadline, Boolean crossCity) {

		PlanDraft draft() {
			boolean byCount = "count".equals(sampleMode);
			return new PlanDraft(name, year == null ? 0 : year,
					regions == null ? List.of() : List.of(regions.split("[,，;；\\s]+")), providerTypes, levels,
					byCount ? sampleCount : null, byCount ? null : samplePercent,
					stratifyBy == null || stratifyBy.isBlank() ? null : DrawParameters.Stratification.ofId(stratifyBy),
					Boolean.TRUE.equals(riskWeighted), inspectorsPerInstitution == null ? 0 : inspectorsPerInstitution, deadline,
					Boolean.TRUE.equals(crossCity));
		}
	}
}

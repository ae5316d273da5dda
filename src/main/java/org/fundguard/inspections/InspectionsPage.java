package org.fundguard.inspections;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentRefused;
import org.fundguard.documents.DocumentStore;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
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
 * record, publication). Every action completes the process task, so the page and Camunda Tasklist agree.
 */
@Controller
class InspectionsPage {

	private final InspectionPlans plans;
	private final PlanDraws draws;
	private final Inspections inspections;
	private final InspectionProcess process;
	private final DocumentStore documents;
	private final InspectionsProperties properties;
	private final Deadlines deadlines;

	InspectionsPage(InspectionPlans plans, PlanDraws draws, Inspections inspections, InspectionProcess process,
			DocumentStore documents, InspectionsProperties properties, Deadlines deadlines) {
		this.plans = plans;
		this.draws = draws;
		this.inspections = inspections;
		this.process = process;
		this.documents = documents;
		this.properties = properties;
		this.deadlines = deadlines;
	}

	@GetMapping("/inspections")
	String index(Model model) {
		model.addAttribute("plans", plans.all());
		LocalDate deadline = deadlines.lastDayOf(deadlines.workingDaysFromNow(properties.defaultDeadlineWorkingDays()));
		model.addAttribute("defaults", Map.of("percent", properties.defaultSamplePercent().stripTrailingZeros().toPlainString(),
				"team", properties.defaultInspectorsPerInstitution(), "deadline", deadline, "year", deadline.getYear()));
		return "inspections/index";
	}

	@PostMapping("/inspections/plans")
	String create(PlanForm form, Authentication auth, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		if (!user.has(Role.INSPECTOR)) {
			redirect.addFlashAttribute("error", "只有检查员可以起草抽查计划");
			return "redirect:/inspections";
		}
		try {
			return "redirect:/inspections/plans/" + process.start(form.draft(), user);
		}
		catch (IllegalArgumentException e) {
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
		for (String key : List.of("Task_DraftPlan", "Task_ApprovePlan", "Task_DecideStoppedDraw")) {
			process.planTask(id, key).filter(t -> process.mayWork(t, user)).ifPresent(t -> model.addAttribute(key, t));
		}
		process.planTask(id, "Task_DecideStoppedDraw")
			.ifPresent(t -> model.addAttribute("drawProblem", draws.current(id).map(DrawRecord::failure).orElse("")));
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
	String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(defaultValue = "") String opinion,
			Authentication auth, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> completePlanTask(id, "Task_ApprovePlan", auth,
				Map.of("planDecision", decision, "decisionOpinion", opinion)), "APPROVE".equals(decision)
						? "计划已批准：承诺值已公布，抽取随即进行" : "计划已退回");
	}

	@PostMapping("/inspections/plans/{id}/stopped-draw")
	String stoppedDraw(@PathVariable long id, @RequestParam String decision, Authentication auth, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> completePlanTask(id, "Task_DecideStoppedDraw", auth,
				Map.of("drawStopDecision", decision)), "已处理");
	}

	@GetMapping("/inspections/inspections/{id}")
	String inspection(@PathVariable long id, Authentication auth, Model model) {
		CurrentUser user = CurrentUser.from(auth);
		Inspection inspection = inspections.get(id);
		model.addAttribute("inspection", inspection);
		model.addAttribute("plan", plans.get(inspection.planId()));
		model.addAttribute("results", InspectionResult.values());
		process.inspectionTask(inspection).filter(t -> process.mayWork(t, user)).ifPresent(t -> model.addAttribute("task", t));
		model.addAttribute("record", inspection.recordDocumentId() == null ? null
				: documents.find(inspection.recordDocumentId()).orElse(null));
		return "inspections/inspection";
	}

	@PostMapping("/inspections/inspections/{id}/record")
	String record(@PathVariable long id, @RequestParam(required = false) String result,
			@RequestParam(defaultValue = "") String note, @RequestParam("record") MultipartFile file, Authentication auth,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		try {
			Task task = process.inspectionTask(inspections.get(id))
				.filter(t -> t.getTaskDefinitionKey().equals("Task_InspectOnSite"))
				.orElseThrow(() -> new IllegalStateException("该检查没有待记录的现场检查任务"));
			if (!process.mayWork(task, user)) {
				throw new IllegalStateException("您不能办理该检查");
			}
			String documentId = documents.store(file.getOriginalFilename(), file.getBytes(), user.username()).id();
			Map<String, Object> variables = new HashMap<>();
			variables.put("inspectionResult", result);
			variables.put("resultNote", note);
			variables.put("recordDocumentId", documentId);
			process.complete(task, user, variables);
			redirect.addFlashAttribute("notice", "检查结果已记录");
		}
		catch (DocumentRefused | IllegalArgumentException | IllegalStateException | IOException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("error", rootMessage(e));
		}
		return "redirect:/inspections/inspections/" + id;
	}

	@PostMapping("/inspections/inspections/{id}/publish")
	String publish(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.from(auth);
		try {
			Task task = process.inspectionTask(inspections.get(id))
				.filter(t -> t.getTaskDefinitionKey().startsWith("Task_Publish"))
				.orElseThrow(() -> new IllegalStateException("该检查没有待公示的结果"));
			process.complete(task, user, Map.of());
			redirect.addFlashAttribute("notice", "检查结果已公示");
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("error", rootMessage(e));
		}
		return "redirect:/inspections/inspections/" + id;
	}

	private void completePlanTask(long planId, String key, Authentication auth, Map<String, Object> variables) {
		CurrentUser user = CurrentUser.from(auth);
		Task task = process.planTask(planId, key).orElseThrow(() -> new IllegalStateException("当前没有该待办任务"));
		process.complete(task, user, variables);
	}

	private String attempt(long planId, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("error", rootMessage(e));
		}
		return "redirect:/inspections/plans/" + planId;
	}

	/** The module's own message, from under the engine's wrapping of a task listener's exception. */
	static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? e.toString() : t.getMessage();
	}

	/** The plan form's fields, as the browser sends them. */
	record PlanForm(String name, Integer year, String regions, List<String> providerTypes, List<String> levels,
			String sampleMode, BigDecimal samplePercent, Integer sampleCount, String stratifyBy, Boolean riskWeighted,
			Integer inspectorsPerInstitution, LocalDate deadline) {

		PlanDraft draft() {
			boolean byCount = "count".equals(sampleMode);
			return new PlanDraft(name, year == null ? 0 : year,
					regions == null ? List.of() : List.of(regions.split("[,，;；\\s]+")), providerTypes, levels,
					byCount ? sampleCount : null, byCount ? null : samplePercent,
					stratifyBy == null || stratifyBy.isBlank() ? null : DrawParameters.Stratification.ofId(stratifyBy),
					Boolean.TRUE.equals(riskWeighted), inspectorsPerInstitution == null ? 0 : inspectorsPerInstitution, deadline);
		}
	}
}

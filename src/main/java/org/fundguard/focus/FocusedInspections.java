package org.fundguard.focus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.Deadlines;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.identity.Role;
import org.fundguard.inspections.DrawParameters;
import org.fundguard.inspections.InspectionPlans;
import org.fundguard.inspections.InspectionProcess;
import org.fundguard.inspections.Inspections;
import org.fundguard.inspections.PlanDraft;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Focused inspections of a fund (重点检查). A fund lead of the fund rules opens one (once per lead) and starts
 * bpmn/fund-focus.bpmn: analysis (预警), a risk-weighted inspection plan limited to the fund's region (计划), then the
 * assessment (评估), the resolution measures (化解) and the director's sign-off. The rules of each step hold here, so
 * that the pages, the API and Camunda Tasklist obey the same ones. Only funds of the bureau's regions are seen.
 */
@Service
public class FocusedInspections {

	/** The fund rules whose leads a focused inspection answers. */
	public static final Set<String> FUND_RULES = Set.of("expenditure-growth", "reserve-months", "current-deficit");

	/** What opening a lead's focused inspection gave: its id, and whether this call opened it. */
	public record Opening(long id, boolean opened) {
	}

	private final FocusStore store;
	private final Leads leads;
	private final Jurisdiction jurisdiction;
	private final InspectionProcess inspectionProcess;
	private final InspectionPlans plans;
	private final Inspections inspections;
	private final RuntimeService runtime;
	private final Deadlines deadlines;
	private final FocusProperties properties;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	FocusedInspections(FocusStore store, Leads leads, Jurisdiction jurisdiction, InspectionProcess inspectionProcess,
			InspectionPlans plans, Inspections inspections, RuntimeService runtime, Deadlines deadlines,
			FocusProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.leads = leads;
		this.jurisdiction = jurisdiction;
		this.inspectionProcess = inspectionProcess;
		this.plans = plans;
		this.inspections = inspections;
		this.runtime = runtime;
		this.deadlines = deadlines;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/** The business key of a focused inspection's process instance, which its tasks carry as their subject. */
	public static String subject(long id) {
		return "focus-" + id;
	}

	/**
	 * Opens the lead's focused inspection and starts its process, or answers the one it already has: a second click,
	 * or two analysts at once, never open a second.
	 */
	@Transactional
	public Opening open(String leadId, CurrentUser user) {
		if (!user.has(Role.ANALYST) && !user.has(Role.DIRECTOR)) {
			throw Refused.forbidden("focus.open.forbidden");
		}
		Lead lead = leads.find(leadId).orElseThrow(() -> Refused.notFound("focus.lead.not-found", leadId));
		if (!"fund".equals(lead.partyType())) {
			throw Refused.because("focus.lead.not-fund");
		}
		List<String> rules = Arrays.stream(lead.rules().split(",")).map(String::strip).filter(FUND_RULES::contains).toList();
		if (rules.isEmpty()) {
			throw Refused.because("focus.lead.not-fund");
		}
		String[] fund = lead.partyKey().split("\\|");
		if (fund.length != 2) {
			throw Refused.because("focus.lead.not-fund");
		}
		if (!jurisdiction.covers(fund[0])) {
			throw Refused.forbidden("focus.outside-jurisdiction", fund[0]);
		}
		Optional<FocusedInspection> existing = store.ofLead(leadId);
		if (existing.isPresent()) {
			return new Opening(existing.get().id(), false);
		}
		Optional<Long> created = store.create(leadId, fund[0], fund[1], rules, lead.from(), lead.to(), user.username(), now());
		if (created.isEmpty()) {
			return new Opening(store.ofLead(leadId).orElseThrow().id(), false);
		}
		long id = created.get();
		FocusedInspection focus = store.find(id).orElseThrow();
		var instance = runtime.startProcessInstanceByKey(FocusVariables.KEY, subject(id),
				Map.of(FocusVariables.FOCUS_ID, id, FocusVariables.FUND_NAME, focus.fundLabel()));
		store.attachProcess(id, instance.getId());
		events.publishEvent(new FocusedInspectionOpened(id, leadId, user.username(),
				user.has(Role.ANALYST) ? Role.ANALYST.id() : Role.DIRECTOR.id()));
		return new Opening(id, true);
	}

	/** The focused inspections of the bureau's regions, newest first. */
	public List<FocusedInspection> all() {
		return store.all().stream().filter(f -> jurisdiction.covers(f.region())).toList();
	}

	/** One focused inspection; one of a fund outside the bureau's regions is not found. */
	public FocusedInspection get(long id) {
		return store.find(id).filter(f -> jurisdiction.covers(f.region()))
			.orElseThrow(() -> Refused.notFound("focus.not-found", id));
	}

	public Optional<FocusedInspection> ofLead(String leadId) {
		return store.ofLead(leadId).filter(f -> jurisdiction.covers(f.region()));
	}

	@Transactional
	public void analysed(long id, String findings, String userId) {
		if (blank(findings)) {
			throw Refused.because("focus.analysis.findings-required");
		}
		if (!store.analysed(id, findings.strip(), userId, now())) {
			throw conflict(id);
		}
	}

	/**
	 * Starts the inspection plan through the inspections module: limited to the fund's region, risk-weighted, drafted
	 * by the inspector who completes the task (only an inspector drafts a plan). It then runs its own process
	 * (approval, verifiable draw, inspections).
	 */
	@Transactional
	public long plan(long id, Integer sampleCount, Integer inspectorsPerInstitution, LocalDate deadline, CurrentUser user) {
		FocusedInspection focus = get(id);
		if (focus.status() != FocusStatus.PLANNING) {
			throw conflict(id);
		}
		if (sampleCount == null || sampleCount < 1) {
			throw Refused.because("focus.plan.sample-required");
		}
		if (deadline == null || !deadline.isAfter(LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE)))) {
			throw Refused.because("focus.plan.deadline-future");
		}
		PlanDraft draft = new PlanDraft("重点检查：" + focus.fundLabel(), deadline.getYear(), List.of(regionPrefix(focus.region())),
				List.of(), List.of(), sampleCount, null, DrawParameters.Stratification.NONE, true,
				inspectorsPerInstitution == null ? 2 : inspectorsPerInstitution, deadline);
		long planId = inspectionProcess.start(draft, user);
		if (!store.planned(id, planId, user.username(), now())) {
			throw conflict(id);
		}
		return planId;
	}

	/** The director goes on to the assessment before (or without) every planned inspection being recorded. */
	@Transactional
	public void proceeded(long id, String note, String userId) {
		if (blank(note)) {
			throw Refused.because("focus.proceed.note-required");
		}
		if (!store.proceeded(id, note.strip(), userId, now())) {
			throw conflict(id);
		}
	}

	/** Every inspection of the plan has its result: the process goes on to the assessment by itself. */
	@Transactional
	public void inspectionsRecorded(long id) {
		store.proceeded(id, "检查计划内各机构均已记录检查结果", "fundguard-system", now());
	}

	/** The focused inspection whose plan this is, if every inspection the plan drew has its result recorded. */
	public Optional<Long> doneWithPlan(long planId) {
		return store.ofPlan(planId).filter(f -> f.status() == FocusStatus.INSPECTING).filter(f -> {
			var drawn = inspections.ofPlan(planId);
			return !drawn.isEmpty() && drawn.stream().noneMatch(i -> "DRAWN".equals(i.status()));
		}).map(FocusedInspection::id);
	}

	/** Where the focused inspection's plan stands: its status and how many of its drawn inspections are recorded. */
	public record PlanProgress(long planId, String name, String statusLabel, int drawn, int recorded) {
	}

	public Optional<PlanProgress> planProgress(FocusedInspection focus) {
		if (focus.planId() == null) {
			return Optional.empty();
		}
		var plan = plans.get(focus.planId());
		var drawn = inspections.ofPlan(focus.planId());
		return Optional.of(new PlanProgress(plan.id(), plan.name(), plan.status().label(), drawn.size(),
				(int) drawn.stream().filter(i -> !"DRAWN".equals(i.status())).count()));
	}

	@Transactional
	public void assessed(long id, String riskLevel, String causes, String userId) {
		RiskLevel level = RiskLevel.parse(riskLevel);
		if (blank(causes)) {
			throw Refused.because("focus.assessment.causes-required");
		}
		if (!store.assessed(id, level, causes.strip(), userId, now())) {
			throw conflict(id);
		}
	}

	@Transactional
	public void resolved(long id, String measures, Integer workingDays, String userId) {
		if (blank(measures)) {
			throw Refused.because("focus.resolution.measures-required");
		}
		if (workingDays == null || workingDays < 1 || workingDays > properties.maxMeasuresWorkingDays()) {
			throw Refused.because("focus.resolution.bad-days", properties.maxMeasuresWorkingDays());
		}
		OffsetDateTime due = deadlines.workingDaysFromNow(workingDays).toInstant().atOffset(ZoneOffset.UTC);
		if (!store.resolved(id, measures.strip(), due, userId, now())) {
			throw conflict(id);
		}
	}

	/** The director approves the measures, or returns them for rework with an opinion. */
	@Transactional
	public void signedOff(long id, String decision, String opinion, CurrentUser user) {
		if (!user.has(Role.DIRECTOR)) {
			throw Refused.forbidden("focus.sign-off.director-only");
		}
		String why = blank(opinion) ? null : opinion.strip();
		boolean done = switch (decision == null ? "" : decision) {
			case "APPROVE" -> store.approved(id, why, user.username(), now());
			case "RETURN" -> {
				if (why == null) {
					throw Refused.because("focus.sign-off.opinion-required");
				}
				yield store.returned(id, why, user.username(), now());
			}
			default -> throw Refused.because("focus.sign-off.decision-required");
		};
		if (!done) {
			throw conflict(id);
		}
	}

	/** The due date of a step's task, in working days from now (fundguard.focus). */
	public Date due(String step) {
		return deadlines.workingDaysFromNow(properties.workingDaysOf(step));
	}

	/** The plan's own deadline: the day its inspections are due, end of that day in the bureau's time. */
	public Date inspectionsDue(long id) {
		Long planId = get(id).planId();
		LocalDate day = planId == null ? LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE)) : plans.get(planId).draft().deadline();
		return Date.from(day.plusDays(1).atStartOfDay(Deadlines.BUREAU_ZONE).toInstant().minusSeconds(1));
	}

	/**
	 * The region-code prefix of a pooling region: a city's pooling code (370300) covers its districts (370303), so
	 * its trailing zero pairs are dropped; a district's code stays whole.
	 */
	static String regionPrefix(String region) {
		String prefix = region;
		while (prefix.length() > 2 && prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return prefix;
	}

	private Refused conflict(long id) {
		return Refused.conflict("focus.step.not-open", get(id).status().label());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}

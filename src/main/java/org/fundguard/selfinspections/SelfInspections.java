package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.Deadlines;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.rules.RuleCatalogue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-inspections (自查自纠): a director launches one over rules, a period and a scope; bpmn/self-inspection.bpmn
 * offers each institution in scope its report task until the deadline; the director closes it when every institution
 * has answered or missed the deadline. The rules of the report (what is stated, what may be refunded) hold here, so
 * that the pages, the API and Camunda Tasklist all obey them.
 */
@Service
public class SelfInspections {

	private final SelfInspectionStore store;
	private final SelfInspectionScope scope;
	private final RuleCatalogue rules;
	private final RuntimeService runtime;
	private final Deadlines deadlines;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	SelfInspections(SelfInspectionStore store, SelfInspectionScope scope, RuleCatalogue rules, RuntimeService runtime,
			Deadlines deadlines, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.scope = scope;
		this.rules = rules;
		this.runtime = runtime;
		this.deadlines = deadlines;
		this.clock = clock;
		this.events = events;
	}

	/** The business key of a self-inspection's process instance, which its tasks carry as their subject. */
	public static String subject(long id) {
		return "self-inspection-" + id;
	}

	/** Stores the self-inspection with one awaited report per institution in scope and starts its process. */
	@Transactional
	public long launch(SelfInspectionDraft draft, CurrentUser user) {
		if (!user.has(Role.DIRECTOR)) {
			throw Refused.forbidden("selfinspections.launch.director-only");
		}
		List<String> unknown = draft.ruleIds().stream().filter(r -> rules.find(r).isEmpty()).toList();
		if (!unknown.isEmpty()) {
			throw Refused.because("selfinspections.launch.unknown-rule", String.join("、", unknown));
		}
		List<Provider> institutions = scope.institutions(draft);
		OffsetDateTime deadline = deadlines.workingDaysFromNow(draft.deadlineWorkingDays()).toInstant()
			.atOffset(ZoneOffset.UTC);
		long id = store.create(draft, deadline, user.username(), now());
		institutions.forEach(p -> store.addInstitution(id, p));
		var instance = runtime.startProcessInstanceByKey(SelfInspectionVariables.KEY, subject(id),
				Map.of(SelfInspectionVariables.SELF_INSPECTION_ID, id, SelfInspectionVariables.SELF_INSPECTION_NAME,
						draft.name()));
		store.attachProcess(id, instance.getId());
		return id;
	}

	public List<SelfInspection> all() {
		return store.all();
	}

	public SelfInspection get(long id) {
		return store.find(id).orElseThrow(() -> Refused.notFound("selfinspections.not-found"));
	}

	public List<InstitutionReport> reports(long selfInspectionId) {
		return store.reportsOf(selfInspectionId);
	}

	public Progress progress(long selfInspectionId) {
		return Progress.of(store.reportsOf(selfInspectionId));
	}

	public InstitutionReport report(long reportId) {
		return store.report(reportId).orElseThrow(() -> Refused.notFound("selfinspections.not-found"));
	}

	/** The institution's own reports (one per self-inspection that asked it), newest first. */
	public List<InstitutionReport> reportsOfProvider(String providerCode) {
		return store.reportsOfProvider(providerCode);
	}

	/**
	 * The institution's answer. It says what it found; the hits it confirms (signal ids) and the rules it names must
	 * be the self-inspection's; a refund must say which rule it answers, since later penalties weigh it per rule. A
	 * refund publishes {@link SelfInspectionRefunded}, which the recovery ledger books once by report id.
	 */
	@Transactional
	public void answer(long reportId, String found, List<String> hits, List<String> namedRules, BigDecimal refunded,
			String userId) {
		InstitutionReport report = report(reportId);
		if (report.status() != InstitutionReport.Status.AWAITING) {
			throw Refused.conflict("selfinspections.report.not-awaited", report.status().label());
		}
		SelfInspection inspection = get(report.selfInspectionId());
		if (found == null || found.isBlank()) {
			throw Refused.because("selfinspections.report.no-findings");
		}
		BigDecimal amount = refunded == null ? BigDecimal.ZERO.setScale(2) : refunded;
		if (amount.signum() < 0) {
			throw Refused.because("selfinspections.report.negative-refund");
		}
		Set<String> reported = new LinkedHashSet<>(namedRules);
		hits.forEach(h -> reported.add(ruleOf(h)));
		List<String> outside = reported.stream().filter(r -> !inspection.covers(r)).toList();
		if (!outside.isEmpty()) {
			throw Refused.because("selfinspections.report.rule-outside", String.join("、", outside));
		}
		if (amount.signum() > 0 && reported.isEmpty()) {
			throw Refused.because("selfinspections.report.refund-without-rule");
		}
		OffsetDateTime at = now();
		if (!store.answer(reportId, found.strip(), hits, List.copyOf(reported), amount, userId, at)) {
			throw Refused.conflict("selfinspections.report.not-awaited", report.status().label());
		}
		if (amount.signum() > 0) {
			events.publishEvent(new SelfInspectionRefunded(String.valueOf(reportId), String.valueOf(inspection.id()),
					report.providerCode(), String.join(",", reported), amount, found.strip(),
					LocalDate.ofInstant(at.toInstant(), Deadlines.BUREAU_ZONE)));
		}
	}

	/** The deadline passed without an answer: the institution is marked as not having reported. */
	@Transactional
	public void markOverdue(long reportId) {
		store.markOverdue(reportId);
	}

	/** The director closes the self-inspection once every institution answered or missed the deadline. */
	@Transactional
	public void close(long id, String note, String userId) {
		if (!store.close(id, note == null ? null : note.strip(), userId, now())) {
			throw Refused.conflict("selfinspections.already-closed");
		}
	}

	/** The last moment to report: the due date of every institution's task and its timer. */
	public java.util.Date deadline(long id) {
		return java.util.Date.from(get(id).deadline().toInstant());
	}

	/** The report ids, one per institution in scope: the process offers each its task. */
	public List<Long> reportIds(long selfInspectionId) {
		return store.reportsOf(selfInspectionId).stream().map(InstitutionReport::id).toList();
	}

	/** A signal id is rule|subject|window: its rule is what comes before the first bar. */
	static String ruleOf(String signalId) {
		int bar = signalId.indexOf('|');
		return bar < 0 ? signalId : signalId.substring(0, bar);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}

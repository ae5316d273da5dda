package org.fundguard.focus;

import static org.fundguard.focus.FocusVariables.CAUSES;
import static org.fundguard.focus.FocusVariables.FINDINGS;
import static org.fundguard.focus.FocusVariables.INSPECTORS_PER_INSTITUTION;
import static org.fundguard.focus.FocusVariables.MEASURES;
import static org.fundguard.focus.FocusVariables.MEASURES_WORKING_DAYS;
import static org.fundguard.focus.FocusVariables.PLAN_DEADLINE;
import static org.fundguard.focus.FocusVariables.PROCEED_NOTE;
import static org.fundguard.focus.FocusVariables.RISK_LEVEL;
import static org.fundguard.focus.FocusVariables.SAMPLE_COUNT;
import static org.fundguard.focus.FocusVariables.SIGN_OFF;
import static org.fundguard.focus.FocusVariables.SIGN_OFF_OPINION;

import java.util.Date;
import java.util.Optional;
import java.util.Set;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/fund-focus.bpmn: every expression calls one of these with ids (and a user task's id), and each
 * makes one call into {@link FocusedInspections}.
 */
@Component("focusSteps")
public class FocusSteps {

	private final TaskGateway gateway;
	private final FocusedInspections focus;

	FocusSteps(TaskGateway gateway, FocusedInspections focus) {
		this.gateway = gateway;
		this.focus = focus;
	}

	/** A step's due date: analysis, plan, assessment, resolution, signOff (working days, fundguard.focus). */
	public Date due(String step) {
		return focus.due(step);
	}

	public Date inspectionsDue(Long focusId) {
		return focus.inspectionsDue(focusId);
	}

	public void analysed(Long focusId, String taskId) {
		TaskValues form = gateway.values(taskId);
		focus.analysed(focusId, form.text(FINDINGS), form.userId());
	}

	/**
	 * The plan task is offered to inspectors only, and only an inspector drafts a plan: the one who completes it drafts
	 * the plan in the inspections module under their own name.
	 */
	public void planned(Long focusId, String taskId) {
		TaskValues form = gateway.values(taskId);
		if (!form.offeredTo().equals(Optional.of(Role.INSPECTOR.id()))) {
			throw Refused.forbidden("focus.plan.inspector-only");
		}
		focus.plan(focusId, whole(form, SAMPLE_COUNT, "抽取机构数"), whole(form, INSPECTORS_PER_INSTITUTION, "每家机构检查人员数"),
				form.date(PLAN_DEADLINE, "检查完成期限"), new CurrentUser(form.userId(), form.userId(), Set.of(Role.INSPECTOR)));
	}

	public void proceeded(Long focusId, String taskId) {
		TaskValues form = gateway.values(taskId);
		focus.proceeded(focusId, form.text(PROCEED_NOTE), form.userId());
	}

	public void inspectionsRecorded(Long focusId) {
		focus.inspectionsRecorded(focusId);
	}

	public void assessed(Long focusId, String taskId) {
		TaskValues form = gateway.values(taskId);
		focus.assessed(focusId, form.text(RISK_LEVEL), form.text(CAUSES), form.userId());
	}

	public void resolved(Long focusId, String taskId) {
		TaskValues form = gateway.values(taskId);
		focus.resolved(focusId, form.text(MEASURES), whole(form, MEASURES_WORKING_DAYS, "化解期限（工作日）"), form.userId());
	}

	public void signedOff(Long focusId, String taskId) {
		TaskValues form = gateway.values(taskId);
		focus.signedOff(focusId, form.text(SIGN_OFF), form.text(SIGN_OFF_OPINION),
				new CurrentUser(form.userId(), form.userId(), form.offeredTo().equals(Optional.of(Role.DIRECTOR.id()))
						? Set.of(Role.DIRECTOR) : Set.of()));
	}

	/** A whole number as Tasklist (Double), the pages (text) or a client (Long) send it; null when left empty. */
	static Integer whole(TaskValues form, String name, String label) {
		Object v = form.raw(name);
		if (v == null || v.toString().isBlank()) {
			return null;
		}
		try {
			double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
			if (d != Math.rint(d) || Math.abs(d) > 100_000) {
				throw Refused.because("focus.form.not-a-whole-number", label, v);
			}
			return (int) d;
		}
		catch (NumberFormatException e) {
			throw Refused.because("focus.form.not-a-whole-number", label, v);
		}
	}
}

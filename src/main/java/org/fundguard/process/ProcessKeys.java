package org.fundguard.process;

/**
 * The keys of FundGuard's BPMN processes: the one place Java code names a process, so a renamed process
 * fails the guard test instead of a running instance.
 */
public final class ProcessKeys {

	/** bpmn/random-inspection.bpmn: plan, approval, draw, publication, inspections, results. */
	public static final String RANDOM_INSPECTION = "random-inspection";

	/** bpmn/report-handling.bpmn: a whistleblower report from intake to reward and closing. */
	public static final String REPORT_HANDLING = "report-handling";

	private ProcessKeys() {
	}
}

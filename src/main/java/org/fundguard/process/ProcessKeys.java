package org.fundguard.process;

/**
 * The keys of FundGuard's BPMN processes: the one place Java code names a process, so a renamed process
 * fails the guard test instead of a running instance.
 */
public final class ProcessKeys {

	private ProcessKeys() {
	}
}

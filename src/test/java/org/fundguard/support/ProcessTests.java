package org.fundguard.support;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.process.TaskGateway;

/**
 * What the process tests that run an engine of their own (named in their configuration) share: the assertions bound
 * to that engine, the real task gateway over it, and the clean-up after each test and after the class.
 */
public final class ProcessTests {

	private ProcessTests() {
	}

	/**
	 * Binds the assertions to this engine, which has its own name: they must not pick up another process test's
	 * "default" engine. Returns the real task gateway over it, due dates in working days of the system clock.
	 */
	public static TaskGateway begin(ProcessEngine engine) {
		AbstractAssertions.init(engine);
		return gatewayOf(engine);
	}

	public static TaskGateway gatewayOf(ProcessEngine engine) {
		return gatewayOf(engine, new Deadlines(new WorkingCalendar(), Clock.systemUTC()));
	}

	public static TaskGateway gatewayOf(ProcessEngine engine, Deadlines deadlines) {
		return new TaskGateway(engine.getTaskService(), engine.getRuntimeService(), engine.getFormService(),
				engine.getIdentityService(), deadlines, engine.getAuthorizationService());
	}

	/** After each test: no mocked beans, nobody signed in, the assertions unbound. */
	public static void end(ProcessEngine engine) {
		Mocks.reset();
		engine.getIdentityService().clearAuthentication();
		AbstractAssertions.reset();
	}

	/**
	 * After the class: the other process tests find "the" engine through ProcessEngines, and leaving this one
	 * registered would give them two. The extension keeps its own reference, so the engine still serves its class.
	 */
	public static void unregister(ProcessEngine engine) {
		ProcessEngines.unregister(engine);
	}
}

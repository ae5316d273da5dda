package org.fundguard.process.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A refusal from a task listener reaches the log as one INFO line, not as Camunda's ERROR with the engine's stack; an
 * exception that is no refusal still logs as Camunda logs it.
 */
class RefusalsInEngineLogTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-process-tests.cfg.xml")
		.build();

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
	private final ListAppender<ILoggingEvent> events = new ListAppender<>();
	private final RefusalsInEngineLog filter = new RefusalsInEngineLog();
	private String deployment;

	public static class Refusing implements TaskListener {
		@Override
		public void notify(DelegateTask task) {
			throw Refused.forbidden("process.task.not-yours");
		}
	}

	public static class Breaking implements TaskListener {
		@Override
		public void notify(DelegateTask task) {
			throw new IllegalStateException("a bug, not a refusal");
		}
	}

	@BeforeEach
	void captureTheLog() {
		filter.install(context);
		events.setContext(context);
		events.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(events);
	}

	@AfterEach
	void stopCapturing() {
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(events);
		context.getTurboFilterList().remove(filter);
		if (deployment != null) {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	@Test
	void aRefusalInATaskListenerIsOneInfoLine() {
		String task = startWith(Refusing.class);

		assertThatThrownBy(() -> engine.getTaskService().complete(task)).satisfies(e -> assertThat(Refused.in(e)).isPresent());

		assertThat(camundaEventsAt(Level.WARN)).as("no ERROR or WARN from Camunda for a refusal").isEmpty();
		List<ILoggingEvent> ours = events.list.stream()
			.filter(e -> e.getLoggerName().equals(RefusalsInEngineLog.class.getName()))
			.toList();
		assertThat(ours).hasSize(1);
		assertThat(ours.getFirst().getLevel()).isEqualTo(Level.INFO);
		assertThat(ours.getFirst().getFormattedMessage()).contains("process.task.not-yours", "该任务不属于您或您的角色");
		assertThat(ours.getFirst().getThrowableProxy()).as("one line, no stack").isNull();
	}

	@Test
	void anyOtherExceptionStillLogsAsCamundaLogsIt() {
		String task = startWith(Breaking.class);

		assertThatThrownBy(() -> engine.getTaskService().complete(task)).hasStackTraceContaining("a bug, not a refusal");

		assertThat(camundaEventsAt(Level.ERROR)).isNotEmpty();
	}

	private List<ILoggingEvent> camundaEventsAt(Level level) {
		return events.list.stream()
			.filter(e -> e.getLoggerName().startsWith("org.camunda.bpm") && e.getLevel().isGreaterOrEqual(level))
			.toList();
	}

	private String startWith(Class<? extends TaskListener> listener) {
		BpmnModelInstance model = Bpmn.createExecutableProcess("Process_RefusalLog")
			.startEvent()
			.userTask("Task_Refuse")
			.camundaTaskListenerClass("complete", listener.getName())
			.endEvent()
			.done();
		deployment = engine.getRepositoryService().createDeployment().addModelInstance("refusal-log.bpmn", model).deploy()
			.getId();
		engine.getRuntimeService().startProcessInstanceByKey("Process_RefusalLog");
		return engine.getTaskService().createTaskQuery().singleResult().getId();
	}
}

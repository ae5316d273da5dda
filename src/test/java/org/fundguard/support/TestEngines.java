package org.fundguard.support;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The in-memory engine a process test runs its models on: its own name and database (closed by the test, so that
 * other tests keep theirs), no job executor (the test moves the clock and runs timers itself), full history, beans
 * from {@code Mocks}, and historyTimeToLive enforced as in production.
 */
public final class TestEngines {

	private TestEngines() {
	}

	public static ProcessEngine inMemory(String name, ProcessEnginePlugin... plugins) {
		ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName(name)
			.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		config.setExpressionManager(new MockExpressionManager());
		config.setEnforceHistoryTimeToLive(true);
		config.setProcessEnginePlugins(List.of(plugins));
		return config.buildProcessEngine();
	}

	/** The version of the model the instance runs on now (migration tests watch it move). */
	public static int versionOf(ProcessEngine engine, ProcessInstance instance) {
		String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
			.singleResult().getProcessDefinitionId();
		return engine.getRepositoryService().getProcessDefinition(definition).getVersion();
	}

	/** The definition keys of the instance's open tasks. */
	public static List<String> openTaskKeys(ProcessEngine engine, ProcessInstance instance) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
			.map(Task::getTaskDefinitionKey).toList();
	}

	public static boolean ended(ProcessEngine engine, ProcessInstance instance) {
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
	}
}

package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.fundguard.support.TestEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Running instances move to a model's new version where the new model has the activity they wait in, and stay on
 * their own version where it has not; a process with nothing running on older versions is left as it is.
 */
class ModelVersionsTest {

	private static ProcessEngine engine;

	@BeforeAll
	static void engine() {
		engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName("model-versions-test")
			.setJdbcUrl("jdbc:h2:mem:model-versions-test;DB_CLOSE_DELAY=1000")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setJobExecutorActivate(false)
			.buildProcessEngine();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void instancesWaitingInAnActivityTheNewVersionKeepsMoveAndTheOthersStay() {
		engine.getRepositoryService().createDeployment().addClasspathResource("versions/versioned-v1.bpmn").deploy();
		var runtime = engine.getRuntimeService();
		ProcessInstance atDecide = runtime.startProcessInstanceByKey("versioned", "A", Map.of("way", "NEW"));
		ProcessInstance atFollowUp = runtime.startProcessInstanceByKey("versioned", "B", Map.of("way", "NEW"));
		engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(atFollowUp.getId())
			.singleResult().getId());
		ProcessInstance theOldWay = runtime.startProcessInstanceByKey("versioned", "C", Map.of("way", "OLD"));
		engine.getRepositoryService().createDeployment().addClasspathResource("versions/versioned-v2.bpmn").deploy();
		ModelVersions versions = new ModelVersions(engine.getRepositoryService(), runtime);

		ModelVersions.Moved moved = versions.moveToLatest("versioned");

		assertThat(moved.latestVersion()).isEqualTo(2);
		assertThat(moved.moved()).isEqualTo(2);
		assertThat(moved.leftOnTheirVersion()).containsExactly(theOldWay.getId());
		assertThat(TestEngines.versionOf(engine, atDecide)).isEqualTo(2);
		assertThat(TestEngines.versionOf(engine, atFollowUp)).isEqualTo(2);
		assertThat(TestEngines.versionOf(engine, theOldWay)).isEqualTo(1);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(atFollowUp.getId()).singleResult()
			.getTaskDefinitionKey()).isEqualTo("Task_FollowUp");
		assertThat(versions.moveToLatest("versioned").moved()).isZero();
		assertThat(versions.moveToLatest("no-such-process").moved()).isZero();
	}

	@Test
	void theProcessesToMoveAreThoseOfTheModulesThatAskForIt() {
		assertThat(RunningInstanceMigration.migratingProcesses()).contains("versioned");
	}


	/** Asks for the test model's instances to move, as a module's variables class does. */
	@VariablesOf("versioned")
	@MigrateRunningInstances
	static final class VersionedVariables {

		static final String WAY = "way";

		private VersionedVariables() {
		}
	}
}

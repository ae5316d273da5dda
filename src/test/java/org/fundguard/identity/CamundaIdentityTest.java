package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.fundguard.support.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Camunda side of "an institution sees only its own tasks": on a real in-memory engine with authorization on, as
 * in production, an institution's user is in its institution's group only, Tasklist opens for it, and a task offered
 * to another institution's group is neither listed nor readable.
 */
class CamundaIdentityTest {

	private static final String H1 = "H37030200002";
	private static final String H2 = "H37032200005";

	private ProcessEngine engine;
	private CamundaIdentity camunda;
	private IdentityService identity;
	private AuthorizationService authorizations;

	@BeforeEach
	void engine() {
		engine = TestEngines.inMemory("camunda-identity-test", new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl config) {
				// as application.yml: Keycloak usernames and role names carry dots and hyphens
				config.setUserResourceWhitelistPattern("[a-zA-Z0-9._@-]+");
				config.setGroupResourceWhitelistPattern("[a-zA-Z0-9_-]+");
				// as in production: also makes Camunda grant a task's candidate group read access to it
				config.setAuthorizationEnabled(true);
			}
		});
		identity = engine.getIdentityService();
		authorizations = engine.getAuthorizationService();
		camunda = new CamundaIdentity(identity, authorizations);
		camunda.ensureGroupsAndApplicationAccess();
	}

	@AfterEach
	void close() {
		engine.close();
	}

	private static CurrentUser institution(String username, String code) {
		return new CurrentUser(username, username, Set.of(Role.INSTITUTION), code);
	}

	private List<String> groupsOf(String username) {
		return identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).sorted().toList();
	}

	private boolean tasklist(CurrentUser user) {
		return authorizations.isUserAuthorized(user.username(), List.copyOf(user.groupIds()), Permissions.ACCESS,
				Resources.APPLICATION, "tasklist");
	}

	private boolean cockpit(CurrentUser user) {
		return authorizations.isUserAuthorized(user.username(), List.copyOf(user.groupIds()), Permissions.ACCESS,
				Resources.APPLICATION, "cockpit");
	}

	@Test
	void anInstitutionUserIsInItsOwnInstitutionsGroupOnlyAndThereIsNoGroupForAllInstitutions() {
		camunda.mirror(institution("institution1", H1), "institution1@fundguard.example");

		assertThat(groupsOf("institution1")).containsExactly("institution-" + H1);
		assertThat(identity.createGroupQuery().groupId(Role.INSTITUTION.id()).count()).isZero();
		assertThat(identity.createGroupQuery().groupId(Role.INSPECTOR.id()).count()).isOne();
	}

	@Test
	void aGroupForAllInstitutionsLeftByAnEarlierReleaseIsRemovedAtStartUp() {
		Group all = identity.newGroup(Role.INSTITUTION.id());
		identity.saveGroup(all);

		camunda.ensureGroupsAndApplicationAccess();

		assertThat(identity.createGroupQuery().groupId(Role.INSTITUTION.id()).count()).isZero();
	}

	@Test
	void institutionsGetTasklistButNeverCockpitAndBureauRolesKeepTheirs() {
		CurrentUser institution = institution("institution1", H1);
		camunda.mirror(institution, null);
		CurrentUser inspector = new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR));
		camunda.mirror(inspector, null);

		assertThat(tasklist(institution)).isTrue();
		assertThat(cockpit(institution)).isFalse();
		assertThat(authorizations.isUserAuthorized("institution1", List.copyOf(institution.groupIds()),
				Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
		assertThat(tasklist(inspector)).isTrue();
		// a token with the role and no provider code belongs to no institution: no group, no Tasklist
		assertThat(tasklist(institution("stray", null))).isFalse();
	}

	@Test
	void tasklistShowsAnInstitutionOnlyTheTasksOfferedToItsOwnGroup() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("Process_Answer")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Answer")
			.camundaCandidateGroups("${group}")
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().addModelInstance("answer.bpmn", model).deploy();
		engine.getRuntimeService().startProcessInstanceByKey("Process_Answer", Map.of("group", Role.institutionGroup(H1)));
		engine.getRuntimeService().startProcessInstanceByKey("Process_Answer", Map.of("group", Role.institutionGroup(H2)));
		CurrentUser one = institution("institution1", H1);
		CurrentUser two = institution("institution2", H2);
		camunda.mirror(one, null);
		camunda.mirror(two, null);

		List<Task> seenByOne = asUser(one);
		List<Task> seenByTwo = asUser(two);
		List<Task> seenByStray = asUser(institution("stray", null));

		assertThat(seenByOne).hasSize(1);
		assertThat(seenByTwo).hasSize(1);
		assertThat(seenByOne.get(0).getId()).isNotEqualTo(seenByTwo.get(0).getId());
		assertThat(engine.getTaskService().getIdentityLinksForTask(seenByOne.get(0).getId()).get(0).getGroupId())
			.isEqualTo("institution-" + H1);
		assertThat(seenByStray).isEmpty();
	}

	/** What Tasklist's "all tasks" filter lists for the user: Camunda's task query under the user's authorizations. */
	private List<Task> asUser(CurrentUser user) {
		identity.setAuthentication(user.username(), List.copyOf(user.groupIds()));
		try {
			return engine.getTaskService().createTaskQuery().list();
		}
		finally {
			identity.clearAuthentication();
		}
	}
}

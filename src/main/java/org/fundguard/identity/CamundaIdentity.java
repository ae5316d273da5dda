package org.fundguard.identity;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's identity tables a mirror of Keycloak. Camunda's webapps look users and memberships up in
 * its own tables (and refresh them from there every few minutes), so each bureau role is a Camunda group, each
 * institution has a group of its own, and each user who signs in is written there with his or her current groups.
 * Mirrored users get no password: Keycloak stays the only way to sign in.
 */
@Component
class CamundaIdentity {

	private final IdentityService identity;
	private final AuthorizationService authorizations;

	CamundaIdentity(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	/**
	 * Camunda's webapps send everyone to a "create the first administrator" page until some user belongs to
	 * camunda-admin. Identities come from Keycloak only, so that page must never appear: a technical account
	 * with no password, which nobody can sign in as, fills the place.
	 */
	static final String SYSTEM_USER = "fundguard-system";

	/** One group per role, and what each role may open in the Camunda webapps. */
	void ensureGroupsAndApplicationAccess() {
		if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult() == null) {
			Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("Camunda 管理员（系统）");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(SYSTEM_USER).singleResult() == null) {
			User system = identity.newUser(SYSTEM_USER);
			system.setFirstName("FundGuard 系统账户");
			identity.saveUser(system);
			identity.createMembership(SYSTEM_USER, Groups.CAMUNDA_ADMIN);
		}
		// no group for the institution role: a task offered to it would reach every institution (see institutionGroup)
		if (identity.createGroupQuery().groupId(Role.INSTITUTION.id()).singleResult() != null) {
			identity.deleteGroup(Role.INSTITUTION.id());
		}
		for (Role role : Role.values()) {
			if (role.bureau() && identity.createGroupQuery().groupId(role.id()).singleResult() == null) {
				Group group = identity.newGroup(role.id());
				group.setName(role.label());
				group.setType("WORKFLOW");
				identity.saveGroup(group);
			}
		}
		for (Role role : Role.values()) {
			CurrentUser member = new CurrentUser("-", "-", Set.of(role));
			// institutions get Tasklist through their own institution's group (ensureInstitutionGroup), never as a role
			boolean tasklist = role.bureau() && member.mayUseTasklist();
			grantIf(tasklist, role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grantIf(tasklist, role, Resources.FILTER, "*", Permissions.READ);
			grantIf(member.mayUseCockpit(), role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grantIf(member.mayUseCockpit(), role, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
					Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
			grantIf(member.mayUseCockpit(), role, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
			grantIf(member.mayUseCockpit(), role, Resources.DEPLOYMENT, "*", Permissions.READ);
			// Camunda Admin, read only: users and roles are Keycloak's (mirrored at each sign-in), and whoever could
			// write authorizations could grant himself the tasks and case data the administrator does not read
			boolean admin = member.mayUseCamundaAdmin();
			grantIf(admin, role, Resources.APPLICATION, "admin", Permissions.ACCESS);
			grantIf(admin, role, Resources.USER, "*", Permissions.READ);
			grantIf(admin, role, Resources.GROUP, "*", Permissions.READ);
			grantIf(admin, role, Resources.TENANT, "*", Permissions.READ);
			grantIf(admin, role, Resources.AUTHORIZATION, "*", Permissions.READ);
			grantIf(admin, role, Resources.SYSTEM, "*", SystemPermissions.READ);
		}
	}

	/**
	 * Grants the permissions when the role may have them, and otherwise withdraws what an earlier release granted:
	 * the administrators had Tasklist and Cockpit until issue 15.
	 */
	private void grantIf(boolean allowed, Role role, Resource resource, String resourceId, Permission... permissions) {
		if (allowed) {
			grant(role, resource, resourceId, permissions);
			return;
		}
		authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(role.id())
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.forEach(a -> authorizations.deleteAuthorization(a.getId()));
	}

	/** Called at each sign-in: creates the user on first sign-in and aligns memberships with Keycloak's roles. */
	void mirror(CurrentUser user, String email) {
		if (SYSTEM_USER.equals(user.username())) {
			return;
		}
		User camundaUser = identity.createUserQuery().userId(user.username()).singleResult();
		if (camundaUser == null) {
			camundaUser = identity.newUser(user.username());
		}
		// Camunda prints first name, then last name: the whole Chinese name goes first
		camundaUser.setFirstName(user.displayName());
		camundaUser.setLastName("");
		camundaUser.setEmail(email);
		identity.saveUser(camundaUser);

		if (user.institution() && user.providerCode() != null) {
			ensureInstitutionGroup(user.providerCode());
		}
		Set<String> current = new HashSet<>();
		identity.createGroupQuery().groupMember(user.username()).list().forEach(g -> current.add(g.getId()));
		for (String groupId : user.groupIds()) {
			if (!current.contains(groupId)) {
				identity.createMembership(user.username(), groupId);
			}
		}
		for (String groupId : current) {
			if (!user.groupIds().contains(groupId)) {
				identity.deleteMembership(user.username(), groupId);
			}
		}
	}

	/**
	 * One institution's Camunda group, created when its first user signs in: Tasklist and its filters, nothing else.
	 * Tasklist then lists the tasks offered to this group (Camunda grants a candidate group read access to its task),
	 * so an institution sees its own tasks and no other institution's.
	 */
	void ensureInstitutionGroup(String providerCode) {
		String groupId = Role.institutionGroup(providerCode);
		if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
			Group group = identity.newGroup(groupId);
			group.setName(Role.INSTITUTION.label() + " " + providerCode);
			group.setType("WORKFLOW");
			identity.saveGroup(group);
		}
		grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(groupId, Resources.FILTER, "*", Permissions.READ);
	}

	private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
		grant(role.id(), resource, resourceId, permissions);
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		boolean exists = authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (exists) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}
}

package org.fundguard.identity;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user that Spring Security already authenticated (through Keycloak) to Camunda, so the
 * webapps and the engine REST API never ask for a second password. The groups are the user's bureau
 * roles, which is what makes candidate-group tasks appear in Camunda Tasklist.
 * <p>
 * Camunda instantiates this class by name, outside Spring, hence public with a no-argument constructor.
 */
public class SpringSecurityCamundaAuthentication implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			return AuthenticationResult.unsuccessful();
		}
		CurrentUser user = CurrentUser.from(authentication);
		if (CamundaIdentity.SYSTEM_USER.equals(user.username())) {
			// whoever Keycloak calls so must not inherit the technical account's administrator membership
			return AuthenticationResult.unsuccessful();
		}
		AuthenticationResult result = AuthenticationResult.successful(user.username());
		result.setGroups(new ArrayList<>(user.groupIds()));
		result.setTenants(List.of());
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security has already answered unauthenticated requests with a redirect or a 401
	}
}

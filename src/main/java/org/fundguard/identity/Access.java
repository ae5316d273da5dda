package org.fundguard.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * Whether the signed-in user may send a request, answered by the very rules that will judge it ({@link EndpointAccess},
 * through Spring Security's filter chains): pages show a control only when {@code ${@access.may('POST', '/rules/runs')}},
 * so a button and the rule behind it cannot drift apart. Rules about one record (the case's team, who holds a task)
 * are the modules' and come with the page's model.
 */
@Component("access")
@ConditionalOnWebApplication
public class Access {

	private final WebInvocationPrivilegeEvaluator evaluator;

	Access(WebInvocationPrivilegeEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	/** May the current user send this method to this path (without the context path)? */
	public boolean may(String method, String path) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return user != null && evaluator.isAllowed(null, path, method, user);
	}

	/** May the current user open this page? */
	public boolean may(String path) {
		return may("GET", path);
	}
}

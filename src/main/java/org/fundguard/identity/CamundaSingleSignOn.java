package org.fundguard.identity;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Spring Security's sign-in into the Camunda webapps and the engine REST API. Both Camunda filters
 * run after Spring Security's filter chain (order -100), which has already authenticated the request.
 * <p>
 * No bureau role is a Camunda administrator ({@code camunda-admin}, which only the password-less technical account
 * holds): Camunda administrators pass every authorization check and would read every task and variable. What each
 * role may do in the webapps and the engine REST API is granted in {@link CamundaIdentity}.
 */
@Configuration
// commands (fundguard load) run without a web server and so without web security
@ConditionalOnWebApplication
class CamundaSingleSignOn {

	private static final int AFTER_SPRING_SECURITY = 101;
	private static final String PROVIDER = SpringSecurityCamundaAuthentication.class.getName();

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignOn() {
		var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of("authentication-provider", PROVIDER));
		registration.setOrder(AFTER_SPRING_SECURITY);
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestSignOn() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(Map.of("authentication-provider", PROVIDER));
		registration.setOrder(AFTER_SPRING_SECURITY);
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}
}

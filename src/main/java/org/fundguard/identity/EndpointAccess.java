package org.fundguard.identity;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role may reach which path: the whole access policy in one table, so that a reviewer reads it once
 * and the role-access integration test can hold it to account. Anything not listed is denied to the API
 * and needs a bureau role in the browser. Public pages need no sign-in.
 */
final class EndpointAccess {

	/**
	 * Paths that take bearer tokens instead of a browser session. Path-pattern matchers, not MVC ones:
	 * {@code /engine-rest} is served by Camunda's Jersey servlet, which Spring MVC's matchers do not see.
	 */
	static RequestMatcher bearerPaths() {
		return new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**"), apiDocsForPrograms());
	}

	/**
	 * The OpenAPI description asked for with a bearer token: a program reads it as it calls the API, instead of being
	 * sent to the sign-in page; without a token it stays with the browser chain, where Swagger UI reads it.
	 */
	private static RequestMatcher apiDocsForPrograms() {
		return new AndRequestMatcher(new OrRequestMatcher(path("/v3/api-docs"), path("/v3/api-docs/**"),
				path("/v3/api-docs.yaml")), request -> {
					String authorization = request.getHeader("Authorization");
					return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
				});
	}

	/** The whistleblower portal, which has its own filter chain (open to anyone, still with CSRF and sessions). */
	static RequestMatcher portalPaths() {
		return new OrRequestMatcher(path("/portal"), path("/portal/**"));
	}

	/** The whistleblower portal and published material: open to anyone, no account. */
	static final String[] PUBLIC_PATHS = { "/public", "/public/**", "/portal", "/portal/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/error" };

	/** The OpenAPI description and Swagger UI: they map every endpoint and its roles, so administrators only. */
	static final String[] API_DOCS_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
			"/swagger-ui/**" };

	/*
	 * The administrator administers the system (users and roles as Camunda shows them, metrics, data loads, the rule
	 * catalogue and its runs, the inspector pool) and reads no case file, whistleblower report or work task: who keeps
	 * the system running does not see what the bureau's officers find (separation of duties, confidentiality of
	 * reports). docs/roles.md gives the table and the reasons.
	 */
	/**
	 * The one task gateway (list, claim, release, complete): analysts work tasks too (appeal reviews, the analysis of a
	 * focused inspection), and the gateway offers each task only to its candidates.
	 */
	private static final String[] TASK_GATEWAY_USERS = ids(Role.ANALYST, Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.REPORT_HANDLER);
	private static final String[] TASK_WORKERS = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.REPORT_HANDLER);
	/**
	 * Camunda Tasklist lists and completes work tasks: those who work them, not the administrators; and the
	 * institutions, whose users are in their own institution's Camunda group only, so Tasklist offers them only their
	 * own institution's tasks (CamundaIdentity grants Tasklist to each institution's group, never to all).
	 */
	private static final String[] CAMUNDA_TASKLIST = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.REPORT_HANDLER, Role.INSTITUTION);
	/** Cockpit shows every process instance with its variables (case data): the directors. */
	private static final String[] CAMUNDA_COCKPIT = ids(Role.DIRECTOR);
	/** Camunda Admin shows users, roles and authorizations (read only: Keycloak keeps them) and the engine's metrics. */
	private static final String[] CAMUNDA_ADMIN = ids(Role.ADMIN);
	private static final String[] CAMUNDA_USERS = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.REPORT_HANDLER, Role.ADMIN, Role.INSTITUTION);
	/**
	 * The bureau's staff. Institutions are left out of every default: what they reach is listed path by path
	 * ({@link #INSTITUTIONS}), and which rows they see is decided by their provider code in each module.
	 */
	private static final String[] ANY_ROLE = ids(java.util.Arrays.stream(Role.values()).filter(Role::bureau).toArray(Role[]::new));
	/** Designated institutions: their own pages and API, and the pre-settlement check. */
	private static final String[] INSTITUTIONS = ids(Role.INSTITUTION);
	/** Everyone's own notifications (通知), institutions' users included (issued signals, reminders). */
	private static final String[] NOTIFICATION_READERS = ids(Role.values());
	/**
	 * The pre-settlement check (事前提醒): institutions (each only its own provider code, decided in the checks module)
	 * and the bureau's analysts, who try it on any institution's settlement.
	 */
	private static final String[] SETTLEMENT_CHECKERS = ids(Role.INSTITUTION, Role.ANALYST);
	/** Who loads claims exports: the analysts, and administrators who operate the system. */
	private static final String[] DATA_STEWARDS = ids(Role.ANALYST, Role.ADMIN);
	/** Directors read the monitoring results; analysts and administrators also change and run the rules. */
	private static final String[] RULE_READERS = ids(Role.ANALYST, Role.ADMIN, Role.DIRECTOR);
	/**
	 * Composing rules (规则库) is the analysts' work: a composed rule changes what every run finds, so not even
	 * directors or administrators publish one; they see its hits as they see any rule's.
	 */
	private static final String[] RULE_COMPOSERS = ids(Role.ANALYST);
	/**
	 * Lead triage (线索处置): those who read the monitoring results see the leads list; analysts, and directors, who
	 * decide on cases, take the bulk actions (issue, void, open a case, close).
	 */
	private static final String[] LEAD_ACTORS = ids(Role.ANALYST, Role.DIRECTOR);
	/** Penalty procedures are case files: those who work their tasks read them. */
	private static final String[] PENALTY_READERS = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR);
	/** Only a director chooses typical cases for public exposure (公开曝光). */
	private static final String[] EXPOSURE_DECIDERS = ids(Role.DIRECTOR);
	/** Random inspections (双随机): inspectors draft and inspect, directors approve. */
	private static final String[] INSPECTION_WORKERS = ids(Role.INSPECTOR, Role.DIRECTOR);
	/** The inspector pool: read by those who work inspections and by administrators, changed by directors and administrators. */
	private static final String[] POOL_READERS = ids(Role.INSPECTOR, Role.DIRECTOR, Role.ADMIN);
	private static final String[] POOL_KEEPERS = ids(Role.DIRECTOR, Role.ADMIN);

	/** Directors decide on audit cases: filing, merging, outcomes, and opening cases from leads. */
	private static final String[] CASE_DIRECTORS = ids(Role.DIRECTOR);
	/**
	 * Who works audit cases. Which case each may see is decided row by row in the cases module (CaseAccess):
	 * inspectors their own and their region's, legal reviewers those in the penalty procedure, directors all.
	 */
	private static final String[] CASE_WORKERS = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR);
	/**
	 * Whistleblower reports, with real-name reporters' identities: the report handlers alone, not even
	 * administrators or directors (举报人信息仅限受理人员知悉).
	 */
	private static final String[] REPORT_HANDLERS = ids(Role.REPORT_HANDLER);
	/**
	 * The recovery ledger (追回/扣款, issue 18): what the bureau recovers from institutions is the work of analysts
	 * (who issue the signals), inspectors and directors; the administrator reads none of it, as he reads no case.
	 */
	private static final String[] RECOVERY_READERS = ids(Role.ANALYST, Role.INSPECTOR, Role.DIRECTOR);
	/** Self-inspections (自查自纠): directors launch and close them, analysts and inspectors follow them. */
	private static final String[] SELF_INSPECTION_READERS = ids(Role.ANALYST, Role.INSPECTOR, Role.DIRECTOR);
	private static final String[] SELF_INSPECTION_LAUNCHERS = ids(Role.DIRECTOR);
	/*
	 * The supervision programme (issue 19). Credit scores are computed, never typed in: the bureau reads them; an
	 * institution sees its own under /institution, the public the grades under /public.
	 */
	private static final String[] CREDIT_READERS = ids(Role.ANALYST, Role.INSPECTOR, Role.DIRECTOR);
	/** Campaigns (专项整治): directors define and steer them, analysts and inspectors follow their progress. */
	private static final String[] CAMPAIGN_READERS = ids(Role.ANALYST, Role.INSPECTOR, Role.DIRECTOR);
	private static final String[] CAMPAIGN_DIRECTORS = ids(Role.DIRECTOR);
	/** Focused inspections of a fund (重点检查): analysts analyse, inspectors inspect, directors sign off. */
	private static final String[] FOCUS_WORKERS = ids(Role.ANALYST, Role.INSPECTOR, Role.DIRECTOR);
	/** Re-checks (抽查复查): inspectors work them (the task gateway decides whose task it is), directors draw them. */
	private static final String[] RECHECK_READERS = ids(Role.INSPECTOR, Role.DIRECTOR);
	private static final String[] RECHECK_DRAWERS = ids(Role.DIRECTOR);
	/** The three full coverages (三个全覆盖). */
	private static final String[] COVERAGE_READERS = ids(Role.ANALYST, Role.INSPECTOR, Role.DIRECTOR);
	/** The supervision dashboard (监管驾驶舱): directors and analysts. */
	private static final String[] DASHBOARD_READERS = ids(Role.ANALYST, Role.DIRECTOR);
	/** The working calendar every deadline counts in: kept by administrators alone. */
	private static final String[] CALENDAR_KEEPERS = ids(Role.ADMIN);

	private EndpointAccess() {
	}

	static void api(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
		api.requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
			.requestMatchers(path("/actuator/**")).hasRole(Role.ADMIN.id())
			.requestMatchers(path("/engine-rest/**")).hasRole(Role.ADMIN.id())
			.requestMatchers(get("/api/me")).hasAnyRole(ANY_ROLE)
			.requestMatchers(get("/api/notifications"), post("/api/notifications/*/read")).hasAnyRole(NOTIFICATION_READERS)
			.requestMatchers(path("/api/institution"), path("/api/institution/**")).hasAnyRole(INSTITUTIONS)
			.requestMatchers(post("/api/checks/settlement")).hasAnyRole(SETTLEMENT_CHECKERS)
			.requestMatchers(get("/api/tasks/mine")).hasAnyRole(TASK_GATEWAY_USERS)
			.requestMatchers(get("/api/tasks/*")).hasAnyRole(TASK_GATEWAY_USERS)
			.requestMatchers(post("/api/tasks/*/claim"), post("/api/tasks/*/release"), post("/api/tasks/*/complete"))
			.hasAnyRole(TASK_GATEWAY_USERS)
			.requestMatchers(post("/api/cases/leads/*")).hasAnyRole(CASE_DIRECTORS)
			.requestMatchers(path("/api/cases"), path("/api/cases/**")).hasAnyRole(CASE_WORKERS)
			.requestMatchers(post("/api/leads/actions")).hasAnyRole(LEAD_ACTORS)
			.requestMatchers(get("/api/leads"), get("/api/leads/*")).hasAnyRole(RULE_READERS)
			.requestMatchers(path("/api/loads"), path("/api/loads/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(path("/api/rules/library"), path("/api/rules/library/**")).hasAnyRole(RULE_COMPOSERS)
			.requestMatchers(get("/api/rules"), get("/api/rules/**")).hasAnyRole(RULE_READERS)
			.requestMatchers(path("/api/rules"), path("/api/rules/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(post("/api/penalties/tasks/**")).hasAnyRole(TASK_WORKERS)
			.requestMatchers(get("/api/penalties"), get("/api/penalties/**")).hasAnyRole(PENALTY_READERS)
			.requestMatchers(get("/api/inspections/plans")).hasAnyRole(INSPECTION_WORKERS)
			.requestMatchers(get("/api/inspections/pool")).hasAnyRole(POOL_READERS)
			.requestMatchers(put("/api/inspections/pool/*")).hasAnyRole(POOL_KEEPERS)
			.requestMatchers(get("/api/self-inspections"), get("/api/self-inspections/**")).hasAnyRole(SELF_INSPECTION_READERS)
			.requestMatchers(path("/api/self-inspections"), path("/api/self-inspections/**")).hasAnyRole(SELF_INSPECTION_LAUNCHERS)
			.requestMatchers(path("/api/reports"), path("/api/reports/**")).hasAnyRole(REPORT_HANDLERS)
			.requestMatchers(path("/api/calendar"), path("/api/calendar/**")).hasAnyRole(CALENDAR_KEEPERS)
			.requestMatchers(get("/api/recoveries"), get("/api/recoveries/**")).hasAnyRole(RECOVERY_READERS)
			.requestMatchers(get("/api/credit"), get("/api/credit/**")).hasAnyRole(CREDIT_READERS)
			.requestMatchers(get("/api/campaigns"), get("/api/campaigns/**")).hasAnyRole(CAMPAIGN_READERS)
			.requestMatchers(path("/api/campaigns"), path("/api/campaigns/**")).hasAnyRole(CAMPAIGN_DIRECTORS)
			.requestMatchers(path("/api/focus"), path("/api/focus/**")).hasAnyRole(FOCUS_WORKERS)
			.requestMatchers(get("/api/rechecks"), get("/api/rechecks/**")).hasAnyRole(RECHECK_READERS)
			.requestMatchers(post("/api/rechecks/items/**")).hasAnyRole(RECHECK_READERS)
			.requestMatchers(path("/api/rechecks"), path("/api/rechecks/**")).hasAnyRole(RECHECK_DRAWERS)
			.requestMatchers(get("/api/coverage"), get("/api/coverage/**")).hasAnyRole(COVERAGE_READERS)
			.requestMatchers(path("/api/dashboard"), path("/api/dashboard/**")).hasAnyRole(DASHBOARD_READERS)
			.requestMatchers(apiDocsForPrograms()).hasRole(Role.ADMIN.id())
			.anyRequest().denyAll();
	}

	static void browser(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry web) {
		web.requestMatchers(Arrays.stream(PUBLIC_PATHS).map(EndpointAccess::path).toArray(RequestMatcher[]::new))
			.permitAll()
			// Camunda's first-user setup must never run: identities come from Keycloak only
			.requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
			.requestMatchers(path("/camunda/app/admin/**")).hasAnyRole(CAMUNDA_ADMIN)
			.requestMatchers(Arrays.stream(API_DOCS_PATHS).map(EndpointAccess::path).toArray(RequestMatcher[]::new))
			.hasRole(Role.ADMIN.id())
			.requestMatchers(path("/camunda/app/cockpit/**")).hasAnyRole(CAMUNDA_COCKPIT)
			.requestMatchers(path("/camunda/app/tasklist/**")).hasAnyRole(CAMUNDA_TASKLIST)
			// the webapps' shared API, welcome page and assets: whoever may open one of them
			.requestMatchers(path("/camunda/**")).hasAnyRole(CAMUNDA_USERS)
			.requestMatchers(path("/institution"), path("/institution/**")).hasAnyRole(INSTITUTIONS)
			.requestMatchers(path("/loads"), path("/loads/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(post("/leads/actions")).hasAnyRole(LEAD_ACTORS)
			.requestMatchers(get("/leads"), get("/leads/*")).hasAnyRole(RULE_READERS)
			.requestMatchers(path("/leads"), path("/leads/**")).denyAll()
			.requestMatchers(post("/cases/leads/*")).hasAnyRole(CASE_DIRECTORS)
			.requestMatchers(path("/cases"), path("/cases/**")).hasAnyRole(CASE_WORKERS)
			.requestMatchers(post("/tasks/*/claim")).hasAnyRole(TASK_GATEWAY_USERS)
			.requestMatchers(path("/rules/library"), path("/rules/library/**")).hasAnyRole(RULE_COMPOSERS)
			.requestMatchers(get("/rules"), get("/rules/**")).hasAnyRole(RULE_READERS)
			.requestMatchers(path("/rules"), path("/rules/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(post("/penalties/*/exposure")).hasAnyRole(EXPOSURE_DECIDERS)
			.requestMatchers(path("/penalties"), path("/penalties/**")).hasAnyRole(PENALTY_READERS)
			.requestMatchers(get("/inspections/pool")).hasAnyRole(POOL_READERS)
			.requestMatchers(path("/inspections/pool/**")).hasAnyRole(POOL_KEEPERS)
			.requestMatchers(path("/inspections"), path("/inspections/**")).hasAnyRole(INSPECTION_WORKERS)
			.requestMatchers(get("/self-inspections"), get("/self-inspections/**")).hasAnyRole(SELF_INSPECTION_READERS)
			.requestMatchers(path("/self-inspections"), path("/self-inspections/**")).hasAnyRole(SELF_INSPECTION_LAUNCHERS)
			.requestMatchers(path("/reports"), path("/reports/**")).hasAnyRole(REPORT_HANDLERS)
			.requestMatchers(path("/calendar"), path("/calendar/**")).hasAnyRole(CALENDAR_KEEPERS)
			.requestMatchers(path("/recoveries"), path("/recoveries/**")).hasAnyRole(RECOVERY_READERS)
			.requestMatchers(path("/credit"), path("/credit/**")).hasAnyRole(CREDIT_READERS)
			.requestMatchers(get("/campaigns"), get("/campaigns/**")).hasAnyRole(CAMPAIGN_READERS)
			.requestMatchers(path("/campaigns"), path("/campaigns/**")).hasAnyRole(CAMPAIGN_DIRECTORS)
			.requestMatchers(path("/focus"), path("/focus/**")).hasAnyRole(FOCUS_WORKERS)
			.requestMatchers(get("/rechecks"), get("/rechecks/**")).hasAnyRole(RECHECK_READERS)
			.requestMatchers(post("/rechecks/items/**")).hasAnyRole(RECHECK_READERS)
			.requestMatchers(path("/rechecks"), path("/rechecks/**")).hasAnyRole(RECHECK_DRAWERS)
			.requestMatchers(path("/coverage"), path("/coverage/**")).hasAnyRole(COVERAGE_READERS)
			.requestMatchers(path("/dashboard"), path("/dashboard/**")).hasAnyRole(DASHBOARD_READERS)
			// everyone's own notifications and channels (the pages name the signed-in user, never another)
			.requestMatchers(path("/notifications"), path("/notifications/**")).hasAnyRole(NOTIFICATION_READERS)
			.anyRequest().hasAnyRole(ANY_ROLE);
	}

	static boolean mayUseTasklist(CurrentUser user) {
		return holdsAny(user, CAMUNDA_TASKLIST);
	}

	static boolean mayReadRules(CurrentUser user) {
		return holdsAny(user, RULE_READERS);
	}

	static boolean mayLoadClaims(CurrentUser user) {
		return holdsAny(user, DATA_STEWARDS);
	}

	static boolean mayWorkInspections(CurrentUser user) {
		return holdsAny(user, INSPECTION_WORKERS);
	}

	static boolean mayDirectCases(CurrentUser user) {
		return holdsAny(user, CASE_DIRECTORS);
	}

	static boolean mayWorkCases(CurrentUser user) {
		return holdsAny(user, CASE_WORKERS);
	}

	static boolean mayHandleReports(CurrentUser user) {
		return holdsAny(user, REPORT_HANDLERS);
	}

	static boolean mayKeepCalendar(CurrentUser user) {
		return holdsAny(user, CALENDAR_KEEPERS);
	}

	static boolean mayUseCockpit(CurrentUser user) {
		return holdsAny(user, CAMUNDA_COCKPIT);
	}

	static boolean mayUseCamundaAdmin(CurrentUser user) {
		return holdsAny(user, CAMUNDA_ADMIN);
	}

	/** By roles, not Camunda groups: an institution user is in its institution's group, not in a group per role. */
	private static boolean holdsAny(CurrentUser user, String[] roleIds) {
		return Arrays.stream(roleIds).anyMatch(id -> user.roles().stream().anyMatch(r -> r.id().equals(id)));
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher get(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern);
	}

	private static RequestMatcher post(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
	}

	private static RequestMatcher put(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, pattern);
	}

	private static String[] ids(Role... roles) {
		return Arrays.stream(roles).map(Role::id).toArray(String[]::new);
	}
}

package org.fundguard.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The bureau's roles. Their ids are the Keycloak realm roles and also the Camunda group ids, so a
 * candidate group in a BPMN file is simply a role id.
 */
public enum Role {

	INSPECTOR("inspector", "检查员"),
	LEGAL_REVIEWER("legal-reviewer", "法制审核员"),
	DIRECTOR("director", "负责人"),
	ANALYST("analyst", "数据分析员"),
	ADMIN("admin", "系统管理员"),
	/** Takes whistleblower reports; the only role that ever sees a real-name reporter's identity. */
	REPORT_HANDLER("report-handler", "举报受理员"),
	/**
	 * Staff (or the information system) of one designated institution (定点医药机构), bound to its provider code by the
	 * {@code provider_code} claim: sees only that institution's signals, appeals, recoveries and self-inspections.
	 */
	INSTITUTION("institution", "定点医药机构");

	private final String id;
	private final String label;

	Role(String id, String label) {
		this.id = id;
		this.label = label;
	}

	/** The Keycloak role name and Camunda group id. */
	public String id() {
		return id;
	}

	/** The Chinese name shown to users. */
	public String label() {
		return label;
	}

	/** The Spring Security authority, as checked by {@code hasRole(id)}. */
	public String authority() {
		return "ROLE_" + id;
	}

	/**
	 * The Chinese name of a role id as stored with a step (the enforcement record keeps ids), "系统" for automatic steps,
	 * the id itself if it is no role.
	 */
	public static String labelOf(String id) {
		if ("system".equals(id)) {
			return "系统";
		}
		return ofId(id).map(Role::label).orElse(id);
	}

	/** The bureau's own staff roles: everyone but the institutions. */
	public boolean bureau() {
		return this != INSTITUTION;
	}

	/**
	 * The Camunda group of one institution's users: tasks for an institution are offered to this group, never to the
	 * {@code institution} role, which every institution holds.
	 */
	public static String institutionGroup(String providerCode) {
		return "institution-" + providerCode;
	}

	public static Optional<Role> ofId(String id) {
		return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
	}

	public static Optional<Role> ofAuthority(String authority) {
		return authority != null && authority.startsWith("ROLE_") ? ofId(authority.substring(5)) : Optional.empty();
	}
}

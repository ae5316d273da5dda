package org.fundguard.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.fundguard.calendar.Deadlines;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.record.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Random-inspection plans: drafted by an inspector, decided by a director, then drawn, published and closed. */
@Service
public class InspectionPlans {

	private static final String COLUMNS = """
			id, name, plan_year, regions, provider_types, levels, sample_count, sample_ratio_bp, stratify_by, risk_weighted,
			inspectors_per_institution, deadline, status, drafted_by, created_at, submitted_at, decided_by, decided_at,
			decision_opinion, process_instance_id, published_at, closed_at, cross_city""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Jurisdiction jurisdiction;

	InspectionPlans(JdbcClient jdbc, Clock clock, Jurisdiction jurisdiction) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.jurisdiction = jurisdiction;
	}

	@Transactional
	public long create(PlanDraft d, String draftedBy) {
		boolean crossCity = crossCity(d);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into inspection_plan (name, plan_year, regions, provider_types, levels, sample_count, sample_ratio_bp,
				stratify_by, risk_weighted, inspectors_per_institution, deadline, status, drafted_by, created_at, cross_city)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.name(), d.year(), String.join(";", d.regions()), String.join(";", d.providerTypes()),
					String.join(";", d.levels()), d.sampleCount(), d.parameters(true).sampleRatioBasisPoints(),
					d.stratifyBy().id(), d.riskWeighted(), d.inspectorsPerInstitution(), d.deadline(), PlanStatus.DRAFT.name(),
					draftedBy, now(), crossCity)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Transactional
	public void update(long id, PlanDraft d) {
		boolean crossCity = crossCity(d);
		Plan plan = get(id);
		if (!plan.status().editable()) {
			throw Refused.conflict("inspections.plan.not-editable", plan.status().label());
		}
		jdbc.sql("""
				update inspection_plan set name = ?, plan_year = ?, regions = ?, provider_types = ?, levels = ?,
				sample_count = ?, sample_ratio_bp = ?, stratify_by = ?, risk_weighted = ?, inspectors_per_institution = ?,
				deadline = ?, cross_city = ? where id = ?""")
			.params(d.name(), d.year(), String.join(";", d.regions()), String.join(";", d.providerTypes()),
					String.join(";", d.levels()), d.sampleCount(), d.parameters(true).sampleRatioBasisPoints(),
					d.stratifyBy().id(), d.riskWeighted(), d.inspectorsPerInstitution(), d.deadline(), crossCity, id)
			.update();
	}

	/** A cross-city plan only where the jurisdiction spans several cities: in one city there is no other city to draw from. */
	private boolean crossCity(PlanDraft d) {
		if (d.crossCity() && !Cities.provincial(jurisdiction.regionPrefixes())) {
			throw Refused.because("inspections.plan.cross-city-needs-province");
		}
		return d.crossCity();
	}

	void attachProcess(long id, String processInstanceId) {
		jdbc.sql("update inspection_plan set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
	}

	/** The inspector hands the plan to the director. */
	@Transactional
	public void submit(long id) {
		Plan plan = get(id);
		if (!plan.status().editable()) {
			throw Refused.conflict("inspections.plan.not-submittable", plan.status().label());
		}
		if (plan.draft().deadline().isBefore(LocalDate.now(clock))) {
			throw Refused.because("inspections.plan.deadline-passed");
		}
		jdbc.sql("update inspection_plan set status = ?, submitted_at = ? where id = ?")
			.params(PlanStatus.SUBMITTED.name(), now(), id)
			.update();
	}

	/** The director approves the plan or returns it with an opinion, which the drafter reads. */
	@Transactional
	public void decide(long id, PlanDecision decision, String opinion, String director) {
		if (get(id).status() != PlanStatus.SUBMITTED) {
			throw Refused.conflict("inspections.plan.not-submitted");
		}
		if (decision == PlanDecision.RETURN && (opinion == null || opinion.isBlank())) {
			throw Refused.because("inspections.plan.return-needs-opinion");
		}
		jdbc.sql("update inspection_plan set status = ?, decided_by = ?, decided_at = ?, decision_opinion = ? where id = ?")
			.params((decision == PlanDecision.APPROVE ? PlanStatus.APPROVED : PlanStatus.RETURNED).name(), who(director),
					now(), opinion == null ? "" : opinion.strip(), id)
			.update();
	}

	/**
	 * After a stopped draw: retrying makes the plan approved again (the process commits anew), returning sends it back
	 * to its drafter.
	 */
	@Transactional
	public void afterStoppedDraw(long id, DrawStopDecision decision, String director) {
		if (get(id).status() != PlanStatus.DRAW_STOPPED) {
			throw Refused.conflict("inspections.draw.not-stopped");
		}
		setStatus(id, decision == DrawStopDecision.RETRY ? PlanStatus.APPROVED : PlanStatus.RETURNED);
	}

	/** The inspections of the plan are due by the end of its deadline day. */
	public Date inspectionDue(long id) {
		return Date.from(get(id).draft().deadline().plusDays(1).atStartOfDay(Deadlines.BUREAU_ZONE).toInstant());
	}

	/** Every inspection of the plan has published its result. */
	void close(long id) {
		setStatus(id, PlanStatus.CLOSED);
	}

	void setStatus(long id, PlanStatus status) {
		String stamp = switch (status) {
			case PUBLISHED -> ", published_at = ?";
			case CLOSED -> ", closed_at = ?";
			default -> "";
		};
		var sql = jdbc.sql("update inspection_plan set status = ?" + stamp + " where id = ?");
		(stamp.isEmpty() ? sql.params(status.name(), id) : sql.params(status.name(), now(), id)).update();
	}

	public Optional<Plan> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from inspection_plan where id = ?").param(id).query(InspectionPlans::row).optional();
	}

	public Plan get(long id) {
		return find(id).orElseThrow(() -> Refused.notFound("inspections.plan.not-found", id));
	}

	public List<Plan> all() {
		return jdbc.sql("select " + COLUMNS + " from inspection_plan order by id desc").query(InspectionPlans::row).list();
	}

	/** Plans the public may see: approved and later, and any plan that ever published a commitment. */
	public List<Plan> published() {
		return all().stream().filter(this::isPublic).toList();
	}

	public boolean isPublic(Plan plan) {
		return plan.status().isPublic() || jdbc.sql("select count(*) from inspection_draw where plan_id = ?")
			.param(plan.id())
			.query(Long.class)
			.single() > 0;
	}

	/** Who took a step: the task's user, or the system when the engine ran without one. */
	static String who(String userId) {
		return userId == null || userId.isBlank() ? Actor.SYSTEM.userId() : userId;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static Plan row(ResultSet rs, int n) throws SQLException {
		Integer count = (Integer) rs.getObject("sample_count", Integer.class);
		Integer bp = (Integer) rs.getObject("sample_ratio_bp", Integer.class);
		PlanDraft draft = new PlanDraft(rs.getString("name"), rs.getInt("plan_year"), InspectorPool.split(rs.getString("regions")),
				InspectorPool.split(rs.getString("provider_types")), InspectorPool.split(rs.getString("levels")), count,
				bp == null ? null : java.math.BigDecimal.valueOf(bp, 2), DrawParameters.Stratification.ofId(rs.getString("stratify_by")),
				rs.getBoolean("risk_weighted"), rs.getInt("inspectors_per_institution"), rs.getObject("deadline", LocalDate.class),
				rs.getBoolean("cross_city"));
		return new Plan(rs.getLong("id"), draft, PlanStatus.valueOf(rs.getString("status")), rs.getString("drafted_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_opinion"),
				rs.getString("process_instance_id"), rs.getObject("published_at", OffsetDateTime.class),
				rs.getObject("closed_at", OffsetDateTime.class));
	}
}

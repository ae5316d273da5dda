package org.fundguard.rechecks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.Officers;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sampled items of the re-check draws and their re-checks (bpmn/re-check.bpmn, one instance per item): the drawn
 * inspectors record the outcome; anything but upholding the original conclusion goes to a director's sign-off.
 */
@Service
public class Rechecks {

	private static final String COLUMNS = """
			id, draw_id, seq, kind, item_code, case_number, inspection_id, provider_code, region, reviewers, due, status,
			outcome, outcome_note, recorded_by, recorded_at, signed_off_by, signed_off_at, overdue""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Deadlines deadlines;
	private final RuntimeService runtime;
	private final Officers officers;
	private final RechecksProperties properties;

	Rechecks(JdbcClient jdbc, Clock clock, Deadlines deadlines, RuntimeService runtime, Officers officers,
			RechecksProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadlines = deadlines;
		this.runtime = runtime;
		this.officers = officers;
		this.properties = properties;
	}

	/** The business key of an item's re-check, which its tasks carry as their subject. */
	public static String subject(long itemId) {
		return "re-check-" + itemId;
	}

	OffsetDateTime dueFromNow() {
		return deadlines.workingDaysFromNow(properties.dueWorkingDays()).toInstant().atOffset(ZoneOffset.UTC);
	}

	void add(long drawId, int seq, String kind, String itemCode, String caseNumber, Long inspectionId, String providerCode,
			String region, List<String> reviewers, OffsetDateTime due) {
		jdbc.sql("""
				insert into recheck_item (draw_id, seq, kind, item_code, case_number, inspection_id, provider_code, region,
				reviewers, due, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING')""")
			.params(drawId, seq, kind, itemCode, caseNumber, inspectionId, providerCode, region, String.join(";", reviewers), due)
			.update();
	}

	/** Starts the re-check of every item of the draw that has none yet: each item gets its task once. */
	List<Long> startAll(long drawId) {
		List<Long> started = new ArrayList<>();
		for (RecheckItem item : items(drawId)) {
			int mine = jdbc.sql("update recheck_item set process_instance_id = 'starting' where id = ? and process_instance_id is null")
				.param(item.id())
				.update();
			if (mine == 0) {
				continue;
			}
			var instance = runtime.startProcessInstanceByKey(RecheckVariables.KEY, subject(item.id()),
					Map.of(RecheckVariables.RECHECK_ITEM_ID, item.id(), RecheckVariables.RECHECK_SUBJECT,
							item.subjectLabel()));
			jdbc.sql("update recheck_item set process_instance_id = ? where id = ?").params(instance.getId(), item.id()).update();
			started.add(item.id());
		}
		return started;
	}

	public List<RecheckItem> items(long drawId) {
		return jdbc.sql("select " + COLUMNS + " from recheck_item where draw_id = ? order by seq")
			.param(drawId)
			.query(Rechecks::row)
			.list();
	}

	public Optional<RecheckItem> find(long itemId) {
		return jdbc.sql("select " + COLUMNS + " from recheck_item where id = ?").param(itemId).query(Rechecks::row).optional();
	}

	public RecheckItem item(long itemId) {
		return find(itemId).orElseThrow(() -> Refused.notFound("rechecks.item.not-found", itemId));
	}

	public Date due(long itemId) {
		return Date.from(item(itemId).due().toInstant());
	}

	/** The usernames of the drawn reviewers who have signed in (only they can be offered the task by name). */
	public List<String> reviewerUsers(long itemId) {
		List<String> reviewers = item(itemId).reviewers();
		return officers.inspectors().stream()
			.filter(o -> o.inspectorId() != null && reviewers.contains(o.inspectorId()))
			.map(Officers.Officer::username)
			.sorted()
			.toList();
	}

	/**
	 * The group the task goes to when none of the drawn reviewers has signed in yet: inspectors, so that the re-check
	 * is not lost; otherwise no group, the reviewers alone.
	 */
	public List<String> fallbackGroups(long itemId) {
		return reviewerUsers(itemId).isEmpty() ? List.of(Role.INSPECTOR.id()) : List.of();
	}

	@Transactional
	public void record(long itemId, RecheckOutcome outcome, String note, String userId) {
		RecheckItem item = item(itemId);
		if (!"AWAITING".equals(item.status())) {
			throw Refused.conflict("rechecks.item.not-awaiting", item.statusLabel());
		}
		if (outcome == null) {
			throw Refused.because("rechecks.item.choose-outcome");
		}
		if (outcome.needsSignOff() && (note == null || note.isBlank())) {
			throw Refused.because("rechecks.item.note-required");
		}
		jdbc.sql("""
				update recheck_item set outcome = ?, outcome_note = ?, recorded_by = ?, recorded_at = ?, status = ?
				where id = ?""")
			.params(outcome.name(), note == null || note.isBlank() ? null : note.strip(), userId, now(),
					outcome.needsSignOff() ? "SIGN_OFF" : "DONE", itemId)
			.update();
	}

	public boolean needsSignOff(long itemId) {
		return "SIGN_OFF".equals(item(itemId).status());
	}

	@Transactional
	public void signOff(long itemId, String userId) {
		RecheckItem item = item(itemId);
		if (!"SIGN_OFF".equals(item.status())) {
			throw Refused.conflict("rechecks.item.not-signing-off", item.statusLabel());
		}
		jdbc.sql("update recheck_item set signed_off_by = ?, signed_off_at = ?, status = 'DONE' where id = ?")
			.params(userId, now(), itemId)
			.update();
	}

	public void markOverdue(long itemId) {
		jdbc.sql("update recheck_item set overdue = true where id = ? and status <> 'DONE'").param(itemId).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static RecheckItem row(ResultSet rs, int n) throws SQLException {
		String reviewers = rs.getString("reviewers");
		String outcome = rs.getString("outcome");
		return new RecheckItem(rs.getLong("id"), rs.getLong("draw_id"), rs.getInt("seq"), rs.getString("kind"),
				rs.getString("item_code"), rs.getString("case_number"), rs.getObject("inspection_id", Long.class),
				rs.getString("provider_code"), rs.getString("region"),
				reviewers == null || reviewers.isEmpty() ? List.of() : List.of(reviewers.split(";")),
				rs.getObject("due", OffsetDateTime.class), rs.getString("status"),
				outcome == null ? null : RecheckOutcome.valueOf(outcome), rs.getString("outcome_note"),
				rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("signed_off_by"),
				rs.getObject("signed_off_at", OffsetDateTime.class), rs.getBoolean("overdue"));
	}
}

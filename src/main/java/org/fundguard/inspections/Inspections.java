package org.fundguard.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inspections of drawn institutions: on-site record, result, publication. */
@Service
public class Inspections {

	private static final String COLUMNS = """
			id, plan_id, draw_id, seq, provider_code, provider_name, provider_type, provider_level, provider_region, stratum,
			status, result, result_note, record_document_id, record_sha256, recorded_by, recorded_at, case_number,
			publication_due, publication_overdue, published_by, published_at""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final DocumentStore documents;
	private final InspectorPool pool;
	private final Deadlines deadlines;
	private final InspectionsProperties properties;
	private final ApplicationEventPublisher events;

	Inspections(JdbcClient jdbc, Clock clock, DocumentStore documents, InspectorPool pool, Deadlines deadlines,
			InspectionsProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.documents = documents;
		this.pool = pool;
		this.deadlines = deadlines;
		this.properties = properties;
	}

	/**
	 * Records the on-site result with its record (an uploaded document); the results are then due for publication
	 * within the configured working days.
	 */
	@Transactional
	public Inspection record(long inspectionId, InspectionResult result, String note, String recordDocumentId,
			String recordedBy) {
		Inspection inspection = get(inspectionId);
		if (!inspection.status().equals("DRAWN")) {
			throw Refused.conflict("inspections.inspection.already-recorded");
		}
		if (result == null) {
			throw Refused.because("inspections.inspection.choose-result");
		}
		StoredDocument record = Optional.ofNullable(recordDocumentId)
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.flatMap(documents::find)
			.orElseThrow(() -> Refused.because("inspections.inspection.record-missing"));
		if (result != InspectionResult.NO_PROBLEM && (note == null || note.isBlank())) {
			throw Refused.because("inspections.inspection.note-required");
		}
		OffsetDateTime now = now();
		jdbc.sql("""
				update inspection set status = 'RECORDED', result = ?, result_note = ?, record_document_id = ?,
				record_sha256 = ?, recorded_by = ?, recorded_at = ?, publication_due = ? where id = ?""")
			.params(result.name(), note == null ? "" : note.strip(), record.id(), record.sha256(),
					InspectionPlans.who(recordedBy), now,
					deadlines.afterWorkingDays(now, properties.resultPublicationWorkingDays()).toInstant().atOffset(now.getOffset()),
					inspectionId)
			.update();
		Inspection recorded = get(inspectionId);
		events.publishEvent(new InspectionRecorded(inspectionId, recorded.planId(), recorded.providerCode(),
				recorded.providerName(), recorded.providerRegion(), result, now.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate()));
		return recorded;
	}

	void caseOpened(long inspectionId, String caseNumber) {
		jdbc.sql("update inspection set case_number = ? where id = ?").params(caseNumber, inspectionId).update();
	}

	@Transactional
	public void publish(long inspectionId, String publishedBy) {
		Inspection inspection = get(inspectionId);
		if (!inspection.status().equals("RECORDED")) {
			throw Refused.conflict("inspections.inspection.not-publishable");
		}
		jdbc.sql("update inspection set status = 'PUBLISHED', published_by = ?, published_at = ? where id = ?")
			.params(InspectionPlans.who(publishedBy), now(), inspectionId)
			.update();
	}

	/** By when the recorded result must be published (set when it was recorded). */
	public Date publicationDue(long inspectionId) {
		OffsetDateTime due = get(inspectionId).publicationDue();
		return due == null ? deadlines.workingDaysFromNow(properties.resultPublicationWorkingDays()) : Date.from(due.toInstant());
	}

	void markOverdue(long inspectionId) {
		jdbc.sql("update inspection set publication_overdue = true where id = ?").param(inspectionId).update();
	}

	public Optional<Inspection> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from inspection where id = ?").param(id).query(this::row).optional();
	}

	public Inspection get(long id) {
		return find(id).orElseThrow(() -> Refused.notFound("inspections.inspection.not-found", id));
	}

	public List<Inspection> ofPlan(long planId) {
		return jdbc.sql("select " + COLUMNS + " from inspection where plan_id = ? order by seq").param(planId).query(this::row).list();
	}

	/** Every published result, newest first, for the public results page. */
	public List<Inspection> publishedResults() {
		return jdbc.sql("select " + COLUMNS + " from inspection where status = 'PUBLISHED' order by published_at desc, id")
			.query(this::row)
			.list();
	}

	/**
	 * The published results about one institution, newest first: what its own users see. A null code (an institution
	 * token bound to no provider) matches nothing.
	 */
	public List<Inspection> publishedResultsOf(String providerCode) {
		return jdbc.sql("select " + COLUMNS + " from inspection where status = 'PUBLISHED' and provider_code = ?"
				+ " order by published_at desc, id")
			.param(providerCode)
			.query(this::row)
			.list();
	}

	/** One published result, only if it is about this institution: another's is as absent as one that never was. */
	public Optional<Inspection> publishedResultOf(long id, String providerCode) {
		return find(id).filter(i -> i.status().equals("PUBLISHED") && i.providerCode().equals(providerCode));
	}

	private List<Inspection.Member> team(long inspectionId) {
		return jdbc.sql("select inspector_id from inspection_team_member where inspection_id = ? order by seq")
			.param(inspectionId)
			.query(String.class)
			.list()
			.stream()
			.map(id -> pool.find(id)
				.map(i -> new Inspection.Member(id, i.maskedName(), i.unit(), i.certificateNo(),
						java.util.Objects.requireNonNullElse(i.region(), "")))
				.orElse(new Inspection.Member(id, "", "", "", "")))
			.toList();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private Inspection row(ResultSet rs, int n) throws SQLException {
		String result = rs.getString("result");
		long id = rs.getLong("id");
		return new Inspection(id, rs.getLong("plan_id"), rs.getLong("draw_id"), rs.getInt("seq"), rs.getString("provider_code"),
				rs.getString("provider_name"), rs.getString("provider_type"), rs.getString("provider_level"),
				rs.getString("provider_region"), rs.getString("stratum"), rs.getString("status"),
				result == null ? null : InspectionResult.valueOf(result), rs.getString("result_note"),
				rs.getString("record_document_id"), rs.getString("record_sha256"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("case_number"),
				rs.getObject("publication_due", OffsetDateTime.class), rs.getBoolean("publication_overdue"),
				rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class), team(id));
	}
}

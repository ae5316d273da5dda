package org.fundguard.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.PdfRenderer;
import org.fundguard.documents.StoredDocument;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.rules.RuleLabels;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The monthly report (调度分析报告): the dashboard of a month printed to PDF (its charts as tables) and archived in the
 * document store. The schedule's report of a month is archived once; one asked for by a user is made each time.
 */
@Service
class MonthlyReports {

	record Report(String id, YearMonth month, boolean scheduled, String documentId, String generatedBy, OffsetDateTime generatedAt) {

		String fileName() {
			return "调度分析报告 " + month + ".pdf";
		}
	}

	private final Dashboard dashboard;
	private final ITemplateEngine templates;
	private final PdfRenderer pdf;
	private final DocumentStore documents;
	private final JdbcClient jdbc;
	private final Jurisdiction jurisdiction;
	private final RuleLabels labels;
	private final Clock clock;

	MonthlyReports(Dashboard dashboard, ITemplateEngine templates, PdfRenderer pdf, DocumentStore documents, JdbcClient jdbc,
			Jurisdiction jurisdiction, RuleLabels labels, Clock clock) {
		this.dashboard = dashboard;
		this.templates = templates;
		this.pdf = pdf;
		this.documents = documents;
		this.jdbc = jdbc;
		this.jurisdiction = jurisdiction;
		this.labels = labels;
		this.clock = clock;
	}

	/** A report of the month made now, for a user. */
	Report generate(YearMonth month, String who) {
		return archive(month, false, who);
	}

	/** The schedule's report of the month: the one archived before if there is one, else a new one. */
	Report scheduled(YearMonth month) {
		Optional<Report> done = scheduledOf(month);
		if (done.isPresent()) {
			return done.get();
		}
		try {
			return archive(month, true, "fundguard-system");
		}
		catch (DuplicateKeyException raced) {
			return scheduledOf(month).orElseThrow();
		}
	}

	Optional<Report> scheduledOf(YearMonth month) {
		return jdbc.sql("select * from dashboard_report where scheduled_month = ?").param(month.toString()).query(this::row).optional();
	}

	List<Report> all() {
		return jdbc.sql("select * from dashboard_report order by generated_at desc, id").query(this::row).list();
	}

	Optional<Report> find(String id) {
		return jdbc.sql("select * from dashboard_report where id = ?").param(id).query(this::row).optional();
	}

	byte[] content(Report r) {
		StoredDocument doc = documents.find(r.documentId()).orElseThrow();
		return documents.content(doc);
	}

	/** The report's XHTML, as printed. */
	String html(YearMonth month) {
		DashboardView view = dashboard.of(month);
		Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, Map.of("v", view, "bureau", jurisdiction.bureauName(),
				"labels", labels, "fontFamily", PdfRenderer.fontFamily()));
		return templates.process("dashboard/report", context);
	}

	private Report archive(YearMonth month, boolean scheduled, String who) {
		String html = html(month);
		byte[] printed = pdf.render(html);
		Report r = new Report(UUID.randomUUID().toString(), month, scheduled, null, who,
				OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
		StoredDocument doc = documents.store(r.fileName(), printed, who);
		jdbc.sql("""
				insert into dashboard_report (id, report_month, scheduled_month, document_id, generated_by, generated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(r.id(), month.toString(), scheduled ? month.toString() : null, doc.id(), who, r.generatedAt())
			.update();
		return find(r.id()).orElseThrow();
	}

	private Report row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Report(rs.getString("id"), YearMonth.parse(rs.getString("report_month")), rs.getString("scheduled_month") != null,
				rs.getString("document_id"), rs.getString("generated_by"), rs.getObject("generated_at", OffsetDateTime.class));
	}
}

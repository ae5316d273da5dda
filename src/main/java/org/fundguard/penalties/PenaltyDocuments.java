package org.fundguard.penalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.identity.Jurisdiction;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Findings;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.PdfRenderer;
import org.fundguard.documents.StoredDocument;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The notice (行政处罚事先告知书) and the decision (行政处罚决定书), generated from the case in the usual red-headed
 * layout, numbered per year (淄医保罚〔2026〕12号), printed as HTML and PDF and kept in the document store.
 */
@Component
class PenaltyDocuments {

	record Issued(String number, StoredDocument html, StoredDocument pdf) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditCases cases;
	private final EnforcementRecord record;
	private final DocumentStore store;
	private final ITemplateEngine templates;
	private final PdfRenderer pdf;
	private final PenaltiesProperties config;
	private final Jurisdiction jurisdiction;

	PenaltyDocuments(JdbcClient jdbc, Clock clock, AuditCases cases, EnforcementRecord record, DocumentStore store,
			ITemplateEngine templates, PdfRenderer pdf, PenaltiesProperties config, Jurisdiction jurisdiction) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cases = cases;
		this.record = record;
		this.store = store;
		this.templates = templates;
		this.pdf = pdf;
		this.config = config;
		this.jurisdiction = jurisdiction;
	}

	Issued notice(PenaltyCase p, boolean hearingRight) {
		LocalDate today = LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE));
		String number = next("NOTICE", config.noticePrefix(), today.getYear());
		Map<String, Object> model = model(p, number, today);
		model.put("hearingRight", hearingRight);
		return issue("penalties/documents/notice", model, number, "行政处罚事先告知书");
	}

	Issued decision(PenaltyCase p, OffsetDateTime decidedAt) {
		LocalDate day = decidedAt.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate();
		String number = next("DECISION", config.documentPrefix(), day.getYear());
		Map<String, Object> model = model(p, number, day);
		model.put("noticeServedOn", p.notice().servedAt() == null ? null
				: ChineseNumerals.date(p.notice().servedAt().atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate()));
		return issue("penalties/documents/decision", model, number, "行政处罚决定书");
	}

	/** The decision's text for the public page: the same template, the person's name masked, no identifiers. */
	String publicDecision(PenaltyCase p) {
		Map<String, Object> model = model(p, p.decision().number(),
				p.decision().decidedAt().atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate());
		model.put("partyName", p.publicPartyName());
		model.put("partyKey", null);
		model.put("evidence", List.of());
		model.put("publicCopy", true);
		model.put("noticeServedOn", p.notice().servedAt() == null ? null
				: ChineseNumerals.date(p.notice().servedAt().atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate()));
		Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, model);
		return templates.process("penalties/documents/decision", context);
	}

	private Issued issue(String template, Map<String, Object> model, String number, String title) {
		Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, model);
		String html = templates.process(template, context);
		byte[] printed = pdf.render(html);
		StoredDocument htmlDoc = store.store(title + " " + number + ".html", html.getBytes(StandardCharsets.UTF_8),
				"fundguard-system");
		StoredDocument pdfDoc = store.store(title + " " + number + ".pdf", printed, "fundguard-system");
		return new Issued(number, htmlDoc, pdfDoc);
	}

	private Map<String, Object> model(PenaltyCase p, String number, LocalDate day) {
		AuditCase c = cases.find(p.caseId()).orElseThrow();
		Findings f = cases.findings(p.caseId()).orElseThrow();
		var rule = config.article(p.proposal().article()).orElseThrow();
		List<RecordEntry> evidence = record.entries(p.caseId()).stream()
			.filter(e -> !e.documentHashes().isEmpty())
			.filter(e -> !e.action().startsWith("NOTICE") && !e.action().startsWith("DECISION"))
			.toList();
		Map<String, Object> m = new HashMap<>();
		m.put("bureau", jurisdiction.bureauName());
		m.put("number", number);
		m.put("penalty", p);
		m.put("auditCase", c);
		m.put("findings", f);
		m.put("rule", rule);
		m.put("partyName", p.partyName());
		m.put("partyKey", p.partyKey());
		m.put("partyLabel", p.partyType().label());
		m.put("evidence", evidence);
		m.put("recovery", Yuan.format(p.proposal().recovery()));
		m.put("fine", Yuan.format(p.proposal().fine()));
		m.put("hasFine", p.proposal().fine().signum() > 0);
		m.put("measureText", p.proposal().hasMeasure() ? DocumentSentences.sentence(p.proposal().measureText()) : null);
		// the one place where users' texts meet the documents' own punctuation
		m.put("facts", DocumentSentences.clause(f.summary()));
		m.put("defenceSentence", p.defence() == null ? "当事人在法定期限内未提出陈述、申辩意见。"
				: DocumentSentences.sentence("当事人陈述申辩意见：" + p.defence()));
		m.put("hearingSentence", p.hearingRecord() == null ? null
				: DocumentSentences.sentence("本机关依法组织了听证：" + p.hearingRecord()));
		m.put("computation", p.proposal().computation());
		m.put("date", ChineseNumerals.date(day));
		var periods = config.periods();
		m.put("defenceDays", ChineseNumerals.number(periods.defenceDays()));
		m.put("paymentDays", ChineseNumerals.number(periods.paymentDays()));
		m.put("reconsiderationDays", ChineseNumerals.number(periods.reconsiderationDays()));
		m.put("litigationMonths", ChineseNumerals.number(periods.litigationMonths()));
		m.put("dailyRate", config.latePayment().dailyRate().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%");
		m.put("reconsiderationBody", config.reconsiderationBody());
		m.put("court", config.court());
		m.put("publicCopy", false);
		return m;
	}

	/** The next number of a series in a year, under the counter row's lock: no two documents share one. */
	private String next(String kind, String prefix, int year) {
		int updated = jdbc.sql("update penalty_document_counter set last_value = last_value + 1 where kind = ? and year_no = ?")
			.params(kind, year)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into penalty_document_counter (kind, year_no, last_value) values (?, ?, 1)")
				.params(kind, year)
				.update();
		}
		int value = jdbc.sql("select last_value from penalty_document_counter where kind = ? and year_no = ?")
			.params(kind, year)
			.query(Integer.class)
			.single();
		return number(prefix, year, value);
	}

	static String number(String prefix, int year, int value) {
		return prefix + "〔" + year + "〕" + value + "号";
	}
}

package org.fundguard.reports;

import java.util.List;

import org.fundguard.sealing.SealedStore;
import org.fundguard.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What reporters give the bureau, sealed at rest (举报人身份、证据、往来消息加密存储): each value with its own data key,
 * bound to its row (report id, evidence number), so that sealed bytes copied to another row do not open. Rows written
 * before sealing are sealed when the application starts, and their plaintext columns emptied.
 */
@Component
class ReportSealing implements SealedStore<ReportSealing.Envelope> {

	private static final Logger log = LoggerFactory.getLogger(ReportSealing.class);
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Sealer sealer;
	private final JdbcClient jdbc;

	ReportSealing(Sealer sealer, JdbcClient jdbc) {
		this.sealer = sealer;
		this.jdbc = jdbc;
	}

	private record Identity(String fullName, String idNumber, String phone) {
	}

	byte[] sealIdentity(long reportId, ReporterIdentity who) {
		try {
			return sealer.seal(JSON.writeValueAsBytes(new Identity(who.fullName(), who.idNumber(), who.phone())),
					"report_identity:" + reportId);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	ReporterIdentity openIdentity(long reportId, ReporterKind kind, byte[] sealed) {
		try {
			Identity i = JSON.readValue(sealer.open(sealed, "report_identity:" + reportId), Identity.class);
			return new ReporterIdentity(kind, i.fullName(), i.idNumber(), i.phone());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("the sealed identity of report " + reportId + " is not readable", e);
		}
	}

	byte[] sealEvidence(long reportId, int seq, byte[] content) {
		return sealer.seal(content, "report_evidence:" + reportId + ":" + seq);
	}

	byte[] openEvidence(long reportId, int seq, byte[] sealed) {
		return sealer.open(sealed, "report_evidence:" + reportId + ":" + seq);
	}

	/**
	 * A message is bound to its own row and author, not only to its report: bound to the report alone, the sealed
	 * bodies of two messages of one report could be swapped, or a reporter's words given to the handler, unnoticed.
	 */
	byte[] sealMessage(long reportId, long messageId, ReportMessage.Author author, String body) {
		return sealer.sealText(body, messageContext(reportId, messageId, author));
	}

	String openMessage(long reportId, long messageId, ReportMessage.Author author, byte[] sealed) {
		return sealer.openText(sealed, messageContext(reportId, messageId, author));
	}

	private static String messageContext(long reportId, long messageId, ReportMessage.Author author) {
		return "report_message:" + reportId + ":" + messageId + ":" + author.name();
	}

	/** Seals what was stored in plaintext before; a rerun finds nothing left to do. */
	@EventListener(ApplicationReadyEvent.class)
	void sealEarlierRows() {
		int rows = 0;
		for (var r : jdbc.sql("select report_id, reporter_kind, full_name, id_number, phone from report_identity where sealed is null")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) })
			.list()) {
			long id = (Long) r[0];
			byte[] sealed = sealIdentity(id, new ReporterIdentity(ReporterKind.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4]));
			rows += jdbc.sql("update report_identity set sealed = ?, full_name = null, id_number = null, phone = null where report_id = ? and sealed is null")
				.params(sealed, id)
				.update();
		}
		for (var m : jdbc.sql("select id, report_id, body, author from report_message where sealed_body is null")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4) })
			.list()) {
			rows += jdbc.sql("update report_message set sealed_body = ?, body = null where id = ? and sealed_body is null")
				.params(sealMessage((Long) m[1], (Long) m[0], ReportMessage.Author.valueOf((String) m[3]), (String) m[2]), m[0])
				.update();
		}
		rows += rebindEarlierMessages();
		for (var e : jdbc.sql("select id, report_id, seq, content from report_evidence where sealed = false")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBytes(4) })
			.list()) {
			rows += jdbc.sql("update report_evidence set content = ?, sealed = true where id = ? and sealed = false")
				.params(sealEvidence((Long) e[1], (Integer) e[2], (byte[]) e[3]), e[0])
				.update();
		}
		if (rows > 0) {
			log.info("sealed {} reporter identities, messages and evidence files stored in plaintext before", rows);
		}
	}

	/**
	 * Messages sealed before they were bound to their own row and author (context {@code report_message:<report>})
	 * are sealed again under the row's context, so that every message opens, and only, under the strict one.
	 */
	private int rebindEarlierMessages() {
		int rebound = 0;
		for (var m : jdbc.sql("select id, report_id, author, sealed_body from report_message where sealed_body is not null")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4) })
			.list()) {
			long id = (Long) m[0];
			long reportId = (Long) m[1];
			ReportMessage.Author author = ReportMessage.Author.valueOf((String) m[2]);
			byte[] sealed = (byte[]) m[3];
			try {
				openMessage(reportId, id, author, sealed);
				continue;
			}
			catch (Sealer.SealBroken notYetBound) {
				// sealed under the report alone, or damaged: tried below
			}
			try {
				String body = sealer.openText(sealed, "report_message:" + reportId);
				rebound += jdbc.sql("update report_message set sealed_body = ? where id = ? and sealed_body = ?")
					.params(sealMessage(reportId, id, author, body), id, sealed)
					.update();
			}
			catch (Sealer.SealBroken damaged) {
				log.warn("report message {} opens under neither context: left as it is", id);
			}
		}
		return rebound;
	}

	@Override
	public String label() {
		return "举报人身份、消息与证据 / reporters' identities, messages and evidence";
	}

	@Override
	public List<Envelope> envelopes() {
		return COLUMNS.stream()
			.flatMap(c -> jdbc.sql("select " + c.key() + " from " + c.table() + " where " + c.sealed())
				.query((rs, n) -> new Envelope(c, rs.getLong(1)))
				.list()
				.stream())
			.toList();
	}

	@Override
	public byte[] read(Envelope e) {
		Column c = e.column();
		return jdbc.sql("select " + c.column() + " from " + c.table() + " where " + c.key() + " = ? and " + c.sealed())
			.param(e.id())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	@Override
	public int write(Envelope e, byte[] rewrapped) {
		Column c = e.column();
		return jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where " + c.key() + " = ?").params(rewrapped, e.id()).update();
	}

	/** One sealed value: its column and its row. */
	record Envelope(Column column, long id) {

		@Override
		public String toString() {
			return column.table() + " " + id;
		}
	}

	/** A sealed column, and the condition that selects its sealed rows. */
	record Column(String table, String key, String column, String sealed) {
	}

	private static final List<Column> COLUMNS = List.of(new Column("report_identity", "report_id", "sealed", "sealed is not null"),
			new Column("report_message", "id", "sealed_body", "sealed_body is not null"),
			new Column("report_evidence", "id", "content", "sealed = true"));
}

package org.fundguard.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transfers of a case to the police (行刑衔接) or a discipline body (行纪衔接), with the transfer letter. */
@Service
public class CaseTransfers {

	public enum Kind {
		POLICE("公安机关", "行刑衔接"), DISCIPLINE("纪检监察机关", "行纪衔接");

		private final String body;
		private final String label;

		Kind(String body, String label) {
			this.body = body;
			this.label = label;
		}

		public String label() {
			return label;
		}

		public String body() {
			return body;
		}
	}

	public record Transfer(long caseId, Kind kind, String receivingBody, LocalDate transferredOn, String documentId,
			String reason, String recordedBy, OffsetDateTime recordedAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditCases cases;

	CaseTransfers(JdbcClient jdbc, Clock clock, AuditCases cases) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cases = cases;
	}

	/** Records the transfer; the letter (移送书) is required, and its hash goes into the enforcement record. */
	@Transactional
	public Transfer record(long caseId, Kind kind, String receivingBody, LocalDate on, List<StoredDocument> letters,
			String reason, Actor by) {
		if (receivingBody == null || receivingBody.isBlank()) {
			throw Refused.because("cases.transfer.body");
		}
		if (on == null) {
			throw Refused.because("cases.transfer.date");
		}
		if (letters.isEmpty()) {
			throw Refused.because("cases.transfer.letter");
		}
		String why = reason == null ? "" : reason.strip();
		jdbc.sql("insert into case_transfer (case_id, kind, receiving_body, transferred_on, document_id, reason, recorded_by, "
				+ "recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(caseId, kind.name(), receivingBody.strip(), on, letters.getFirst().id(), why, by.userId(),
					OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
			.update();
		cases.changeStatus(caseId, CaseStatus.TRANSFERRED, by, "CASE_TRANSFERRED", kind.label() + "：" + on + " 移送"
				+ receivingBody.strip() + (why.isEmpty() ? "" : "。" + why), CaseDocuments.hashes(letters));
		return of(caseId).getLast();
	}

	public List<Transfer> of(long caseId) {
		return jdbc.sql("select case_id, kind, receiving_body, transferred_on, document_id, reason, recorded_by, recorded_at "
				+ "from case_transfer where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> new Transfer(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class)))
			.list();
	}
}

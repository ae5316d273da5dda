package org.fundguard.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's documents: evidence, on-site records, transfer letters. Each is kept by the {@link DocumentStore} (size and
 * type checked, stored under its SHA-256) and its hash goes into the enforcement record when it is added.
 */
@Service
public class CaseDocuments {

	/** A document of a case, with why it was added. */
	public record CaseDocument(long caseId, StoredDocument document, String purpose, String addedBy, OffsetDateTime addedAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final DocumentStore store;
	private final EnforcementRecord record;

	CaseDocuments(JdbcClient jdbc, Clock clock, DocumentStore store, EnforcementRecord record) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.store = store;
		this.record = record;
	}

	/** Stores an upload and adds it to the case; throws DocumentRefused when size or type is not allowed. */
	@Transactional
	public CaseDocument upload(long caseId, String fileName, byte[] content, String purpose, Actor by) {
		StoredDocument doc = store.store(fileName, content, by.userId());
		return attach(caseId, doc, purpose, by);
	}

	/** Adds a stored document to the case (once) and records its hash. */
	@Transactional
	public CaseDocument attach(long caseId, StoredDocument doc, String purpose, Actor by) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		boolean present = jdbc.sql("select count(*) from case_document where case_id = ? and document_id = ?")
			.params(caseId, doc.id())
			.query(Long.class)
			.single() > 0;
		if (!present) {
			jdbc.sql("insert into case_document (case_id, document_id, purpose, added_by, added_at) values (?, ?, ?, ?, ?)")
				.params(caseId, doc.id(), purpose, by.userId(), now)
				.update();
			record.append(caseId, by, "DOCUMENT_ADDED", "添加文档“" + doc.fileName() + "”（" + purpose + "，"
					+ doc.type() + "，" + doc.size() + " 字节）", List.of(doc.sha256()));
		}
		return new CaseDocument(caseId, doc, purpose, by.userId(), now);
	}

	public List<CaseDocument> of(long caseId) {
		return jdbc.sql("select document_id, purpose, added_by, added_at from case_document where case_id = ? order by added_at, document_id")
			.param(caseId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class) })
			.list()
			.stream()
			.map(r -> new CaseDocument(caseId, store.find((String) r[0]).orElseThrow(), (String) r[1], (String) r[2],
					(OffsetDateTime) r[3]))
			.toList();
	}

	/**
	 * The documents named by an id list (separated by commas of either width, semicolons or blanks), each of which must
	 * belong to the case: what a task hands in.
	 */
	public List<StoredDocument> ofCase(long caseId, String commaSeparatedIds) {
		List<StoredDocument> out = new ArrayList<>();
		if (commaSeparatedIds == null) {
			return out;
		}
		List<CaseDocument> docs = of(caseId);
		for (String id : Arrays.stream(commaSeparatedIds.split("[,，;；\\s]+")).filter(s -> !s.isEmpty()).toList()) {
			out.add(docs.stream()
				.filter(d -> d.document().id().equals(id))
				.findFirst()
				.orElseThrow(() -> Refused.because("cases.document.not-of-case", id))
				.document());
		}
		return out;
	}

	/** The document's bytes, checked against its hash; only for documents of the case. */
	public byte[] content(long caseId, String documentId) {
		return store.content(ofCase(caseId, documentId).getFirst());
	}

	public static List<String> hashes(List<StoredDocument> docs) {
		return docs.stream().map(StoredDocument::sha256).toList();
	}
}

package org.fundguard.documents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.fundguard.errors.Refused;
import org.fundguard.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps documents (evidence, records, generated notices and decisions) by content: each is written once under
 * its SHA-256, checked for size and type first, sealed, and never overwritten. The content is kept where every node
 * finds it ({@link DocumentContents}: the shared database), in the transaction that registers the document. Callers
 * put the hash into the enforcement record.
 */
@Service
public class DocumentStore {

	private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final DocumentsProperties limits;
	private final DocumentContents contents;
	private final Sealer sealer;

	DocumentStore(JdbcClient jdbc, Clock clock, DocumentsProperties limits, DocumentContents contents, Sealer sealer) {
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = limits;
		this.contents = contents;
	}

	/** Checks and stores a document; throws {@link DocumentRefused} when it may not be kept. */
	public StoredDocument store(String fileName, byte[] content, String uploadedBy) {
		String name = cleanName(fileName);
		if (content.length == 0) {
			throw DocumentRefused.because("documents.file.empty", name);
		}
		if (content.length > limits.maxSize().toBytes()) {
			throw DocumentRefused.because("documents.file.too-large", name, limits.maxSize().toMegabytes());
		}
		DocumentType type = DocumentType.sniff(content)
			.filter(limits.allowedTypes()::contains)
			.orElseThrow(() -> DocumentRefused.because("documents.file.type-not-allowed", name, limits.allowedTypes()));
		String sha256 = Sha256.hex(content);
		if (!contents.contains(sha256)) {
			contents.putIfAbsent(sha256, sealer.seal(content, context(sha256)));
		}
		var doc = new StoredDocument(UUID.randomUUID().toString(), name, type, content.length, sha256, uploadedBy,
				OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
		jdbc.sql("""
				insert into stored_document (id, file_name, doc_type, size_bytes, sha256, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(doc.id(), doc.fileName(), doc.type().name(), doc.size(), doc.sha256(), doc.uploadedBy(),
					doc.uploadedAt())
			.update();
		return doc;
	}

	public Optional<StoredDocument> find(String id) {
		return jdbc.sql("""
				select id, file_name, doc_type, size_bytes, sha256, uploaded_by, uploaded_at from stored_document
				where id = ?""")
			.param(id)
			.query((rs, n) -> new StoredDocument(rs.getString(1), rs.getString(2), DocumentType.valueOf(rs.getString(3)),
					rs.getLong(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.optional();
	}

	/** The content, checked against its hash on the way out: content changed in the store is not served. */
	public byte[] content(StoredDocument doc) {
		byte[] stored = contents.get(doc.sha256())
			.orElseThrow(() -> Refused.unavailable("documents.file.unreadable", null, doc.fileName()));
		byte[] content = opened(stored, doc.sha256());
		if (content == null || !Sha256.hex(content).equals(doc.sha256())) {
			log.error("stored content of document {} ({}) no longer has its registered SHA-256 {}: altered in the store",
					doc.id(), doc.fileName(), doc.sha256());
			throw Refused.conflict("documents.file.altered", doc.fileName());
		}
		return content;
	}

	/**
	 * The content of a stored document: sealed, or in plaintext when an older node stored it before encryption at
	 * rest (its own hash then matches); null when neither.
	 */
	private byte[] opened(byte[] stored, String sha256) {
		if (Sha256.hex(stored).equals(sha256)) {
			return stored;
		}
		try {
			return sealer.open(stored, context(sha256));
		}
		catch (RuntimeException notSealedEither) {
			return null;
		}
	}

	/** A file's sealed bytes are bound to the hash it is stored under, so that they cannot stand in for another. */
	static String context(String sha256) {
		return "document:" + sha256;
	}

	private static String cleanName(String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		return name.isEmpty() ? "未命名文件" : name;
	}
}

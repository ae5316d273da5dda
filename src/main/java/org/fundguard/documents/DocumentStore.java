package org.fundguard.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.fundguard.errors.Refused;
import org.fundguard.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps documents (evidence, records, generated notices and decisions) by content: each is written once under
 * its SHA-256, checked for size and type first, and never overwritten. Callers put the hash into the
 * enforcement record.
 */
@Service
public class DocumentStore {

	private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final DocumentsProperties limits;
	private final Path root;
	private final Sealer sealer;

	DocumentStore(JdbcClient jdbc, Clock clock, DocumentsProperties limits,
			@Value("${fundguard.data-dir}") Path dataDir, Sealer sealer) {
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = limits;
		this.root = dataDir.resolve("documents");
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
		Path file = pathOf(sha256);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Path tmp = Files.createTempFile(file.getParent(), sha256, ".part");
				Files.write(tmp, sealer.seal(content, context(sha256)));
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException e) {
			throw Refused.unavailable("documents.file.not-stored", e, name);
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

	/** The content, checked against its hash on the way out: a file changed on disk is not served. */
	public byte[] content(StoredDocument doc) {
		try {
			byte[] content = opened(Files.readAllBytes(pathOf(doc.sha256())), doc.sha256());
			if (content == null || !Sha256.hex(content).equals(doc.sha256())) {
				log.error("stored content of document {} ({}) no longer has its registered SHA-256 {}: altered on disk", doc.id(),
						doc.fileName(), doc.sha256());
				throw Refused.conflict("documents.file.altered", doc.fileName());
			}
			return content;
		}
		catch (IOException e) {
			throw Refused.unavailable("documents.file.unreadable", e, doc.fileName());
		}
	}

	/**
	 * The content of a stored file: sealed since encryption at rest, or in plaintext when stored before it (its own
	 * hash then matches, and the start-up sealing has not reached it yet); null when neither.
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

	Path root() {
		return root;
	}

	private Path pathOf(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
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

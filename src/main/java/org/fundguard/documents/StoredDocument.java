package org.fundguard.documents;

import java.time.OffsetDateTime;

/** A document kept by FundGuard: its content (sealed) and its facts in the shared database, the content under its SHA-256. */
public record StoredDocument(String id, String fileName, DocumentType type, long size, String sha256,
		String uploadedBy, OffsetDateTime uploadedAt) {
}

package org.fundguard.documents;

import java.time.OffsetDateTime;

/** A document kept by FundGuard: its content lives on disk under its SHA-256, its facts in the database. */
public record StoredDocument(String id, String fileName, DocumentType type, long size, String sha256,
		String uploadedBy, OffsetDateTime uploadedAt) {
}

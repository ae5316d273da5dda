package org.fundguard.appeals;

import java.nio.charset.StandardCharsets;

import org.fundguard.documents.StoredDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored document as a download, under its own file name (UTF-8) and its sniffed type. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> of(StoredDocument d, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}
}

package org.fundguard.documents;

import java.util.List;

import org.fundguard.sealing.SealedStore;
import org.springframework.stereotype.Component;

/**
 * The documents' content at rest (evidence, appeal documents, records, generated documents), sealed as it is stored:
 * a key rotation re-wraps the data keys of every content kept, one row at a time, each replaced in one statement so
 * that a reader never sees half of one.
 */
@Component
class DocumentSealing implements SealedStore<String> {

	private final DocumentContents contents;

	DocumentSealing(DocumentContents contents) {
		this.contents = contents;
	}

	@Override
	public String label() {
		return "文书与证据文件 / document and evidence files";
	}

	@Override
	public List<String> envelopes() {
		return contents.hashes();
	}

	/** A content stored before sealing was switched on is kept as it is: its name is then its own hash. */
	@Override
	public byte[] read(String sha256) {
		return contents.get(sha256).filter(bytes -> isSealed(sha256, bytes)).orElse(null);
	}

	@Override
	public int write(String sha256, byte[] rewrapped) {
		return contents.replace(sha256, rewrapped);
	}

	private static boolean isSealed(String sha256, byte[] bytes) {
		return !Sha256.hex(bytes).equals(sha256);
	}
}

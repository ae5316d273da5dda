package org.fundguard.documents;

import org.fundguard.sealing.SealedStore;
import org.fundguard.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The documents' content at rest (evidence, appeal documents, records, generated documents), sealed as it is stored:
 * a key rotation re-wraps the data keys of every content kept, one row at a time, each replaced in one statement so
 * that a reader never sees half of one.
 */
@Component
class DocumentSealing implements SealedStore {

	private static final Logger log = LoggerFactory.getLogger(DocumentSealing.class);

	private final DocumentContents contents;

	DocumentSealing(DocumentContents contents) {
		this.contents = contents;
	}

	@Override
	public String label() {
		return "文书与证据文件 / document and evidence files";
	}

	@Override
	public int rewrap(Sealer s) {
		int done = 0;
		for (String sha256 : contents.hashes()) {
			byte[] bytes = contents.get(sha256).orElse(null);
			if (bytes != null && isSealed(sha256, bytes)) {
				byte[] rewrapped;
				try {
					rewrapped = s.rewrap(bytes);
				}
				catch (Sealer.SealBroken damaged) {
					// one damaged content must not stop the rotation of every other one; reading it is refused anyway
					log.warn("document content {} does not open under any master key: not re-wrapped", sha256);
					continue;
				}
				if (rewrapped != null) {
					contents.replace(sha256, rewrapped);
					done++;
				}
			}
		}
		return done;
	}

	@Override
	public int wrappedByOtherKeys(Sealer s) {
		return (int) contents.hashes().stream().filter(sha256 -> {
			byte[] bytes = contents.get(sha256).orElse(null);
			return bytes != null && isSealed(sha256, bytes) && s.wrappedByOtherKey(bytes);
		}).count();
	}

	private static boolean isSealed(String sha256, byte[] bytes) {
		return !Sha256.hex(bytes).equals(sha256);
	}
}

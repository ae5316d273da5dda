package org.fundguard.sealing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one re-wrap loop of every {@link SealedStore}, with the logger the interface cannot hold privately. */
final class Rewrapping {

	private static final Logger log = LoggerFactory.getLogger(Rewrapping.class);

	private Rewrapping() {
	}

	static <K> int rewrap(SealedStore<K> store, Sealer sealer) {
		int done = 0;
		for (K envelope : store.envelopes()) {
			byte[] sealed = store.read(envelope);
			if (sealed == null) {
				continue;
			}
			byte[] rewrapped;
			try {
				rewrapped = sealer.rewrap(sealed);
			}
			catch (Sealer.SealBroken damaged) {
				// one damaged envelope must not stop the rotation of every other one; reading it is refused anyway
				log.warn("{}: {} does not open under any master key: not re-wrapped", store.label(), envelope);
				continue;
			}
			if (rewrapped != null) {
				done += store.write(envelope, rewrapped);
			}
		}
		return done;
	}
}

package org.fundguard.reports;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one {@link Mac} per thread: looking the algorithm up for every request shows in the portal's profile. */
public final class Hmac {

	private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	});

	private Hmac() {
	}

	public static byte[] sha256(byte[] key, byte[] message) {
		Mac mac = MAC.get();
		try {
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		return mac.doFinal(message);
	}
}

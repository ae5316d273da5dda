package org.fundguard.notifications.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: {@code X-FundGuard-Signature: sha256=<hex HMAC-SHA256 of the body's bytes>}
 * with the configured secret, as GitHub signs its webhooks, so a receiver can reuse its verifier.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-FundGuard-Signature";
	private static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	/**
	 * The key one user's webhook is signed with: derived from the configured secret and the user's name, so that a
	 * user who receives webhooks cannot sign a message to someone else's receiver.
	 */
	public static String keyFor(String secret, String username) {
		return sign(secret, ("webhook-key:" + username).getBytes(StandardCharsets.UTF_8)).substring(PREFIX.length());
	}

	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	/** Checks a received header in constant time. */
	public static boolean verify(String secret, byte[] body, String header) {
		if (header == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
				header.strip().getBytes(StandardCharsets.US_ASCII));
	}
}

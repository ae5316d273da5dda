package org.fundguard.reports;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Receipt codes (回执码): the reporter's only key to a report. A code is {@code length} characters of Crockford's
 * base32 (no I, L, O or U, so nothing is misread), 5 bits each from {@link SecureRandom}: 20 characters are
 * 100 bits. It is shown once and never stored; the database keeps its HMAC-SHA256 under the installation's key,
 * which is also how a code finds its report. Without the key the stored value neither reveals a code nor lets
 * anyone test guesses offline, and online guesses are rate-limited.
 */
final class ReceiptCodes {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final String DOMAIN = "fundguard-report-receipt-v1:";

	private final SecureRandom random = new SecureRandom();
	private final byte[] key;
	private final int length;

	ReceiptCodes(byte[] key, int length) {
		if (key.length < 32) {
			throw new IllegalArgumentException("the receipt key needs at least 32 bytes");
		}
		if (length < 16) {
			throw new IllegalArgumentException("receipt codes have at least 16 characters");
		}
		this.key = key.clone();
		this.length = length;
	}

	/** Bits of entropy in one code. */
	int bits() {
		return length * 5;
	}

	/**
	 * A new code, grouped by four for reading aloud and copying: {@code 7K3M-…}. The random bits are drawn in one
	 * call and cut into 5-bit characters: a call per character took the generator's lock twenty times per report.
	 */
	String generate() {
		byte[] bits = new byte[(length * 5 + 7) / 8];
		random.nextBytes(bits);
		StringBuilder code = new StringBuilder(length + length / 4);
		for (int i = 0; i < length; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(fiveBits(bits, i * 5)));
		}
		return code.toString();
	}

	/** The five bits starting at bit {@code from} (most significant bit of byte 0 first). */
	private static int fiveBits(byte[] bits, int from) {
		int both = (bits[from / 8] & 0xFF) << 8 | (from / 8 + 1 < bits.length ? bits[from / 8 + 1] & 0xFF : 0);
		return both >>> (11 - from % 8) & 0x1F;
	}

	/**
	 * The code as typed, made canonical: case, spaces and dashes ignored, the look-alikes O→0 and I, L→1 read
	 * as Crockford reads them. Empty when it cannot be a code at all.
	 */
	Optional<String> normalize(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		StringBuilder code = new StringBuilder(length);
		for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
			if (c == '-' || Character.isWhitespace(c)) {
				continue;
			}
			char read = switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (ALPHABET.indexOf(read) < 0 || code.length() >= length) {
				return Optional.empty();
			}
			code.append(read);
		}
		return code.length() == length ? Optional.of(code.toString()) : Optional.empty();
	}

	/** The stored form of a code: HMAC-SHA256 under the installation's key, hex. */
	String hash(String code) {
		String canonical = normalize(code)
			.orElseThrow(() -> new IllegalArgumentException("not a receipt code"));
		return HexFormat.of().formatHex(Hmac.sha256(key, (DOMAIN + canonical).getBytes(StandardCharsets.US_ASCII)));
	}
}

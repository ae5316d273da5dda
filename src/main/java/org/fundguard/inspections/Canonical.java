package org.fundguard.inspections;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fundguard.documents.Sha256;

/**
 * The canonical serialization and hashes of a draw's inputs (format {@value #FORMAT}), exactly as
 * {@code static/js/draw-verify.js} recomputes them in the browser:
 * <ul>
 * <li>text fields are escaped: {@code \} → {@code \\}, {@code |} → {@code \p}, {@code ;} → {@code \s}, line feed →
 * {@code \n}, carriage return → {@code \r};</li>
 * <li>directory snapshot: one line {@code code|name|type|level|region|weight} per institution, sorted by code, each
 * line ending in a line feed, UTF-8; its hash is the SHA-256 of that text in lower-case hex;</li>
 * <li>pool snapshot: one line {@code id|unit|region|conflicts} per active inspector (conflicts sorted, joined by
 * {@code ;}), sorted by id, likewise;</li>
 * <li>seed hash: SHA-256 of the 32 seed bytes (the seed is published as 64 hex digits);</li>
 * <li>commitment: SHA-256 of {@code FORMAT \n parameters \n seedHash \n directoryHash \n poolHash};</li>
 * <li>draw key: HMAC-SHA-256 keyed with the seed bytes over {@code FORMAT \n parameters \n directoryHash \n poolHash},
 * so that every input changes every random number of the draw.</li>
 * </ul>
 * Sorting compares UTF-16 code units (Java's {@code String.compareTo}, JavaScript's default sort).
 */
public final class Canonical {

	public static final String FORMAT = "fundguard-draw/1";

	private Canonical() {
	}

	static String escape(String text) {
		return (text == null ? "" : text).replace("\\", "\\\\")
			.replace("|", "\\p")
			.replace(";", "\\s")
			.replace("\n", "\\n")
			.replace("\r", "\\r");
	}

	public static String directoryText(List<DirectoryEntry> directory) {
		StringBuilder text = new StringBuilder();
		directory.stream().sorted(Comparator.comparing(DirectoryEntry::code)).forEach(e -> text.append(e.canonical()).append('\n'));
		return text.toString();
	}

	public static String poolText(List<PoolEntry> pool) {
		StringBuilder text = new StringBuilder();
		pool.stream().sorted(Comparator.comparing(PoolEntry::id)).forEach(e -> text.append(e.canonical()).append('\n'));
		return text.toString();
	}

	public static String directoryHash(List<DirectoryEntry> directory) {
		return Sha256.hex(directoryText(directory).getBytes(StandardCharsets.UTF_8));
	}

	public static String poolHash(List<PoolEntry> pool) {
		return Sha256.hex(poolText(pool).getBytes(StandardCharsets.UTF_8));
	}

	public static String seedHash(String seedHex) {
		return Sha256.hex(seedBytes(seedHex));
	}

	public static String commitment(DrawParameters parameters, String seedHash, String directoryHash, String poolHash) {
		String text = FORMAT + "\n" + parameters.canonical() + "\n" + seedHash + "\n" + directoryHash + "\n" + poolHash;
		return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] drawKey(String seedHex, DrawParameters parameters, String directoryHash, String poolHash) {
		return hmac(seedBytes(seedHex), FORMAT + "\n" + parameters.canonical() + "\n" + directoryHash + "\n" + poolHash);
	}

	/** HMAC-SHA-256(key, message) read as an unsigned 256-bit integer. */
	static BigInteger number(byte[] key, String message) {
		return new BigInteger(1, hmac(key, message));
	}

	static byte[] seedBytes(String seedHex) {
		if (seedHex == null || !seedHex.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("the seed must be 64 lower-case hex digits");
		}
		return HexFormat.of().parseHex(seedHex);
	}

	static byte[] hmac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}

package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Writes one Elasticsearch document straight to UTF-8 JSON bytes; null values are left out. The loader builds
 * millions of them and most of a fee line's fields repeat those of its settlement or item, so a run of fields
 * can be written once as a {@link #fragment()} and copied into each document as bytes. The output is byte for
 * byte what Jackson's generator writes (same escapes, BigDecimal as {@code toString()}), without its per-document
 * generator, buffer recycling and formatter objects, which were a large share of the loader's CPU and garbage.
 */
final class JsonDocument {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
	/**
	 * Field names as quoted JSON strings, each escaped once: documents have a few dozen names, written tens of millions
	 * of times. Only names go here, never values; the names are the code's own constants, so the map stays small.
	 */
	private static final Map<String, byte[]> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

	private byte[] bytes;
	private int length;
	private boolean first = true;

	JsonDocument() {
		this(1024);
	}

	JsonDocument(int capacity) {
		bytes = new byte[capacity];
		bytes[length++] = '{';
	}

	JsonDocument text(String field, String value) {
		if (value != null) {
			name(field);
			string(value);
		}
		return this;
	}

	JsonDocument date(String field, LocalDate value) {
		if (value != null) {
			name(field);
			ensure(12);
			bytes[length++] = '"';
			date(value);
			bytes[length++] = '"';
		}
		return this;
	}

	JsonDocument dateTime(String field, LocalDateTime value) {
		if (value != null) {
			name(field);
			ensure(21);
			bytes[length++] = '"';
			date(value.toLocalDate());
			bytes[length++] = ' ';
			Row.writeTime(bytes, length, value);
			length += 8;
			bytes[length++] = '"';
		}
		return this;
	}

	JsonDocument number(String field, BigDecimal value) {
		if (value != null) {
			name(field);
			ascii(value.toString());
		}
		return this;
	}

	JsonDocument number(String field, long value) {
		name(field);
		ascii(Long.toString(value));
		return this;
	}

	/** A whole number that may be absent (an optional column): null writes nothing. */
	JsonDocument optionalInteger(String field, Number value) {
		if (value != null) {
			name(field);
			ascii(Long.toString(value.longValue()));
		}
		return this;
	}

	JsonDocument bool(String field, Boolean value) {
		if (value != null) {
			name(field);
			ascii(value ? "true" : "false");
		}
		return this;
	}

	JsonDocument texts(String field, Collection<String> values) {
		if (values != null && !values.isEmpty()) {
			name(field);
			ensure(1);
			bytes[length++] = '[';
			boolean firstValue = true;
			for (String v : values) {
				ensure(1);
				if (!firstValue) {
					bytes[length++] = ',';
				}
				firstValue = false;
				string(v);
			}
			ensure(1);
			bytes[length++] = ']';
		}
		return this;
	}

	/** An object of numbers, e.g. amounts by tag. */
	JsonDocument numbers(String field, Map<String, BigDecimal> values) {
		if (values != null && !values.isEmpty()) {
			name(field);
			ensure(1);
			bytes[length++] = '{';
			boolean firstValue = true;
			for (var e : values.entrySet()) {
				ensure(1);
				if (!firstValue) {
					bytes[length++] = ',';
				}
				firstValue = false;
				string(e.getKey());
				ensure(1);
				bytes[length++] = ':';
				ascii(e.getValue().toString());
			}
			ensure(1);
			bytes[length++] = '}';
		}
		return this;
	}

	/** Fields written once elsewhere with {@link #fragment()}, copied in as they are. */
	JsonDocument fields(byte[] fragment) {
		if (fragment.length > 0) {
			member(fragment, 0);
		}
		return this;
	}

	/** The fields written so far, without the braces, for {@link #fields(byte[])} of other documents. */
	byte[] fragment() {
		return Arrays.copyOfRange(bytes, 1, length);
	}

	/**
	 * Starts the next document in the same buffer. The loader writes millions of fee lines one after another; a new
	 * buffer for each, then a copy of it, was a few gigabytes of garbage per load.
	 */
	JsonDocument clear() {
		length = 0;
		first = true;
		bytes[length++] = '{';
		return this;
	}

	/** The length of the document once closed, as {@link #writeTo} writes it. */
	int closedLength() {
		return length + 1;
	}

	/** Copies the closed document into {@code target} at {@code at}, which has room for it; returns where it ends. */
	int writeTo(byte[] target, int at) {
		System.arraycopy(bytes, 0, target, at, length);
		target[at + length] = '}';
		return at + length + 1;
	}

	byte[] toBytes() {
		ensure(1);
		bytes[length++] = '}';
		return Arrays.copyOf(bytes, length);
	}

	private void name(String field) {
		byte[] name = NAMES.get(field);
		if (name == null) {
			JsonDocument encoded = new JsonDocument(field.length() * 6 + 3);
			encoded.string(field);
			name = Arrays.copyOfRange(encoded.bytes, 1, encoded.length);
			NAMES.putIfAbsent(field, name);
		}
		member(name, 1);
		bytes[length++] = ':';
	}

	/** Ready bytes of the object's next member (after a comma unless it is the first), with room for {@code more}. */
	private void member(byte[] piece, int more) {
		ensure(piece.length + 1 + more);
		if (!first) {
			bytes[length++] = ',';
		}
		first = false;
		System.arraycopy(piece, 0, bytes, length, piece.length);
		length += piece.length;
	}

	/** A JSON string as Jackson escapes it: quote, backslash, control characters and surrogates; the rest as UTF-8. */
	private void string(String s) {
		ensure(s.length() * 6 + 2);
		length = string(bytes, length, s);
	}

	/**
	 * Writes {@code s} as {@link #string(String)} does into {@code b} at {@code at}, which has room for six bytes a
	 * character and two more; returns where it ended. The bulk requests write their ids with it.
	 */
	static int string(byte[] b, int at, String s) {
		int n = s.length();
		b[at++] = '"';
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				if (c >= 0x20 && c != '"' && c != '\\') {
					b[at++] = (byte) c;
					continue;
				}
				b[at++] = '\\';
				switch (c) {
					case '"', '\\' -> b[at++] = (byte) c;
					case '\b' -> b[at++] = 'b';
					case '\t' -> b[at++] = 't';
					case '\n' -> b[at++] = 'n';
					case '\f' -> b[at++] = 'f';
					case '\r' -> b[at++] = 'r';
					default -> {
						b[at++] = 'u';
						b[at++] = '0';
						b[at++] = '0';
						b[at++] = HEX[c >> 4];
						b[at++] = HEX[c & 0xF];
					}
				}
			}
			else if (c < 0x800) {
				b[at++] = (byte) (0xC0 | (c >> 6));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				// Jackson writes characters beyond the BMP as their two escaped UTF-16 halves, not as 4-byte UTF-8
				b[at++] = '\\';
				b[at++] = 'u';
				b[at++] = HEX[c >> 12];
				b[at++] = HEX[(c >> 8) & 0xF];
				b[at++] = HEX[(c >> 4) & 0xF];
				b[at++] = HEX[c & 0xF];
			}
			else {
				b[at++] = (byte) (0xE0 | (c >> 12));
				b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		b[at++] = '"';
		return at;
	}

	/** Only for text known to be ASCII: numbers and literals. */
	private void ascii(String s) {
		int n = s.length();
		ensure(n);
		for (int i = 0; i < n; i++) {
			bytes[length++] = (byte) s.charAt(i);
		}
	}

	/** uuuu-MM-dd as {@link Row#DATE} formats it. */
	private void date(LocalDate d) {
		if (!Row.writable(d)) {
			ascii(d.format(Row.DATE));
			ensure(10); // what a date-time writes after its date
			return;
		}
		ensure(10);
		Row.writeDate(bytes, length, d);
		length += 10;
	}

	private void ensure(int more) {
		if (length + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
		}
	}
}

package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The key store's values as bytes: texts as UTF-8 with their length, dates as day numbers, amounts as their digits and
 * scale. Packed as text, every settlement was written out and read back char by char by H2 and then cut up and parsed
 * again (dates, amounts) twice per load, which was a third of the loader's CPU at 2 million lines; on a machine whose
 * cores it shares with Elasticsearch that CPU was Elasticsearch's. No library does this smaller: Java serialisation and
 * JSON are larger and slower, and a schema library (Protocol Buffers, Kryo) would add a build step or a registry for
 * four record shapes that live only for the length of a load.
 */
final class Packing {

	private static final int NULL = -1;
	/** A scale that marks an amount too long for a {@code long}, written as its text instead. */
	private static final byte LONG_AMOUNT = Byte.MIN_VALUE;

	private Packing() {
	}

	/** Writes one value; nulls are kept as nulls. */
	static final class Out {

		private byte[] bytes = new byte[128];
		private int length;

		Out text(String s) {
			if (s == null) {
				return integer(NULL);
			}
			byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
			integer(utf8.length);
			ensure(utf8.length);
			System.arraycopy(utf8, 0, bytes, length, utf8.length);
			length += utf8.length;
			return this;
		}

		Out date(LocalDate d) {
			bool(d != null);
			return d == null ? this : number(d.toEpochDay()); // a long: a year past 9999 parses and must come back too
		}

		Out dateTime(LocalDateTime t) {
			bool(t != null);
			return t == null ? this : number(t.toEpochSecond(ZoneOffset.UTC)).integer(t.getNano());
		}

		Out amount(BigDecimal a) {
			bool(a != null);
			if (a == null) {
				return this;
			}
			BigInteger digits = a.unscaledValue();
			if (digits.bitLength() < 64 && a.scale() > LONG_AMOUNT && a.scale() <= Byte.MAX_VALUE) {
				ensure(1);
				bytes[length++] = (byte) a.scale();
				return number(digits.longValue());
			}
			ensure(1);
			bytes[length++] = LONG_AMOUNT;
			return text(a.toString());
		}

		Out bool(boolean b) {
			ensure(1);
			bytes[length++] = (byte) (b ? 1 : 0);
			return this;
		}

		Out integer(int i) {
			ensure(4);
			for (int shift = 24; shift >= 0; shift -= 8) {
				bytes[length++] = (byte) (i >>> shift);
			}
			return this;
		}

		Out number(long n) {
			ensure(8);
			for (int shift = 56; shift >= 0; shift -= 8) {
				bytes[length++] = (byte) (n >>> shift);
			}
			return this;
		}

		byte[] toBytes() {
			return Arrays.copyOf(bytes, length);
		}

		private void ensure(int more) {
			if (length + more > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
			}
		}
	}

	/** Reads the values back in the order they were written. */
	static final class In {

		private final byte[] bytes;
		private int at;

		In(byte[] bytes) {
			this(bytes, 0);
		}

		In(byte[] bytes, int at) {
			this.bytes = bytes;
			this.at = at;
		}

		/** Where the next value starts, to come back to it later with {@link #In(byte[], int)}. */
		int position() {
			return at;
		}

		String text() {
			int n = integer();
			if (n == NULL) {
				return null;
			}
			String s = new String(bytes, at, n, StandardCharsets.UTF_8);
			at += n;
			return s;
		}

		LocalDate date() {
			return bool() ? LocalDate.ofEpochDay(number()) : null;
		}

		LocalDateTime dateTime() {
			return bool() ? LocalDateTime.ofEpochSecond(number(), integer(), ZoneOffset.UTC) : null;
		}

		BigDecimal amount() {
			if (!bool()) {
				return null;
			}
			byte scale = bytes[at++];
			return scale == LONG_AMOUNT ? new BigDecimal(text()) : BigDecimal.valueOf(number(), scale);
		}

		boolean bool() {
			return bytes[at++] != 0;
		}

		int integer() {
			int i = 0;
			for (int k = 0; k < 4; k++) {
				i = (i << 8) | (bytes[at++] & 0xFF);
			}
			return i;
		}

		long number() {
			long n = 0;
			for (int k = 0; k < 8; k++) {
				n = (n << 8) | (bytes[at++] & 0xFF);
			}
			return n;
		}
	}
}

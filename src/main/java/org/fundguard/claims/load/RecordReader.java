package org.fundguard.claims.load;

import java.io.IOException;
import java.io.Reader;

/**
 * Frames the physical records of a CSV file the RFC 4180 way (a line break inside quotes belongs to the cell) and
 * never holds more than {@code maxChars} characters of one: a longer record is read to its end, its quotes still
 * tracked, and comes back as its first characters and its length. So a 1 GB line or a file of one 1 GB cell costs
 * no more memory than a short row. Line breaks are LF, CRLF or a lone CR; a CRLF inside quotes reads as LF.
 */
final class RecordReader {

	/** What the rejects report keeps of a record, at most. */
	static final int HEAD = 1024;

	private final Reader in;
	private final int maxChars;
	private final char[] buffer = new char[1 << 14];
	private int position;
	private int limit;
	private long line = 1;

	RecordReader(Reader in, int maxChars) {
		this.in = in;
		this.maxChars = maxChars;
	}

	/** One record with the physical line it starts on; {@code text} is null when it was longer than allowed. */
	record Record(long line, String text, long length, String head) {

		boolean overLong() {
			return text == null;
		}
	}

	/**
	 * The next record, or null at the end of the file. Characters that are none of quote, CR, LF and NUL are taken in
	 * runs, straight from the buffer: taken one by one, every character of an export went through the checks below
	 * and a call to append.
	 */
	Record next() throws IOException, Framing {
		if (position == limit && !fill()) {
			return null;
		}
		long start = line;
		long openedAt = 0;
		boolean quoted = false;
		long length = 0;
		StringBuilder text = new StringBuilder(128);
		while (true) {
			if (position == limit && !fill()) {
				if (quoted) {
					throw new Framing(openedAt, "unterminated-quote");
				}
				break;
			}
			int run = position;
			while (run < limit && ordinary(buffer[run])) {
				run++;
			}
			if (run > position) {
				keep(text, length, position, run - position);
				length += run - position;
				position = run;
				continue;
			}
			char c = buffer[position++];
			if (c == 0) {
				throw new Framing(line, "nul");
			}
			if (c == '\r' || c == '\n') {
				if (c == '\r' && peek() == '\n') {
					position++;
				}
				line++;
				if (!quoted) {
					break;
				}
				c = '\n';
			}
			else {
				if (!quoted) {
					openedAt = line;
				}
				quoted = !quoted;
			}
			if (length < maxChars) {
				text.append(c);
			}
			else if (text.length() > HEAD) {
				text.setLength(HEAD);
			}
			length++;
		}
		if (length > maxChars) {
			return new Record(start, null, length, text.toString());
		}
		return new Record(start, text.toString(), length, null);
	}

	private static boolean ordinary(char c) {
		return c != '"' && c != '\n' && c != '\r' && c != 0;
	}

	/**
	 * Keeps {@code n} characters of the buffer from {@code from}, the record having {@code before} already: all of them
	 * while the record is within {@code maxChars}, and past it only its first {@link #HEAD}, for the rejects report.
	 */
	private void keep(StringBuilder text, long before, int from, int n) {
		if (before + n <= maxChars) {
			text.append(buffer, from, n);
			return;
		}
		if (before < maxChars) {
			text.append(buffer, from, (int) (maxChars - before));
		}
		if (text.length() > HEAD) {
			text.setLength(HEAD);
		}
	}

	/** The physical line the reader is on. */
	long line() {
		return line;
	}

	private int peek() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return buffer[position];
	}

	private boolean fill() throws IOException {
		int n = in.read(buffer, 0, buffer.length);
		if (n <= 0) {
			return false;
		}
		position = 0;
		limit = n;
		return true;
	}

	/** The file cannot be cut into records from this line on; the key names why in messages.properties. */
	static final class Framing extends Exception {

		private final long line;
		private final String reason;

		Framing(long line, String reason) {
			super(reason + " at line " + line, null, false, false);
			this.line = line;
			this.reason = reason;
		}

		long line() {
			return line;
		}

		String reason() {
			return reason;
		}
	}
}

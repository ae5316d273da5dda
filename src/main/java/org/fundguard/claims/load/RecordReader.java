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

	/** The next record, or null at the end of the file. */
	Record next() throws IOException, Framing {
		return next(true);
	}


	private Record next(boolean keep) throws IOException, Framing {
		int c = read();
		if (c < 0) {
			return null;
		}
		long start = line;
		long openedAt = 0;
		boolean quoted = false;
		long length = 0;
		StringBuilder text = new StringBuilder(128);
		while (true) {
			if (c < 0) {
				if (quoted) {
					throw new Framing(openedAt, "unterminated-quote");
				}
				break;
			}
			if (c == 0) {
				throw new Framing(line, "nul");
			}
			if (c == '\r' || c == '\n') {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				line++;
				if (!quoted) {
					break;
				}
				c = '\n';
			}
			else if (c == '"') {
				if (!quoted) {
					openedAt = line;
				}
				quoted = !quoted;
			}
			length++;
			if (length <= maxChars) {
				text.append((char) c);
			}
			else if (text.length() > HEAD) {
				text.setLength(HEAD); // past the limit only the head is kept, for the rejects report
			}
			c = read();
		}
		if (length > maxChars) {
			return new Record(start, null, length, text.toString());
		}
		return new Record(start, text.toString(), length, null);
	}

	/** The physical line the reader is on. */
	long line() {
		return line;
	}

	private int read() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return buffer[position++];
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

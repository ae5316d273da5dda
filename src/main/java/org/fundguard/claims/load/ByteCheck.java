package org.fundguard.claims.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check that an export file can be loaded at all, made on its bytes before anything of it is indexed: every byte
 * is UTF-8 (as strict as the JDK's decoder: no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut
 * short), no byte is NUL, and every quote that opens closes. Quotes, line breaks and NUL are ASCII and never part of
 * a multi-byte UTF-8 character, so they are found in the bytes without decoding them, and nothing is built per row:
 * the earlier check decoded the file and cut it into records, which cost the loader several seconds per gigabyte.
 * Lines count as {@link RecordReader} counts them (LF, CRLF or a lone CR), so that the messages name the same line.
 */
final class ByteCheck {

	private static final int BUFFER = 1 << 16;
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final int SAMPLE = 64;

	/** Bytes checked so far, reported every so often: a multi-gigabyte export takes seconds. */
	@FunctionalInterface
	interface Progress {
		void checked(long bytes);
	}

	private final Path path;
	private final Progress progress;
	private long line = 1;
	private boolean afterCr;
	private boolean quoted;
	private long quoteLine;
	/** Continuation bytes still owed by the character being read, and the range the next one must fall in. */
	private int owed;
	private int low;
	private int high;
	private long leadOffset;
	private long leadLine;

	private ByteCheck(Path path, Progress progress) {
		this.path = path;
		this.progress = progress;
	}

	/** Checks the whole file; throws at the first fault, naming its line. */
	static void check(Path path, Progress progress) throws IOException, NotUtf8, RecordReader.Framing {
		new ByteCheck(path, progress).run();
	}

	private void run() throws IOException, NotUtf8, RecordReader.Framing {
		byte[] buffer = new byte[BUFFER];
		long offset = 0;
		try (InputStream in = Files.newInputStream(path)) {
			int n = in.readNBytes(buffer, 0, 3);
			int start = n == 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF ? 3 : 0;
			while (n > 0) {
				scan(buffer, start, n, offset);
				offset += n;
				if ((offset & ((1 << 26) - 1)) < n) {
					progress.checked(offset);
				}
				start = 0;
				n = in.read(buffer);
			}
		}
		progress.checked(offset);
		if (owed > 0) {
			throw notUtf8(leadOffset, leadLine);
		}
		if (quoted) {
			throw new RecordReader.Framing(quoteLine, "unterminated-quote");
		}
	}

	private void scan(byte[] bytes, int from, int to, long offset) throws IOException, NotUtf8, RecordReader.Framing {
		for (int i = from; i < to; i++) {
			// eight bytes at a time while none is special: no byte at or above 0x80 and none below 0x23 ('"' is 0x22)
			while (owed == 0 && i + 8 <= to) {
				long w = (long) LONGS.get(bytes, i);
				if (((w | (w - 0x2323232323232323L)) & 0x8080808080808080L) != 0) {
					break;
				}
				afterCr = false;
				i += 8;
			}
			if (i >= to) {
				break;
			}
			int b = bytes[i];
			if (owed > 0) {
				int u = b & 0xFF;
				if (u < low || u > high) {
					throw notUtf8(leadOffset, leadLine);
				}
				owed--;
				low = 0x80;
				high = 0xBF;
				continue;
			}
			if (b > '"') {
				afterCr = false; // the common case: printable ASCII other than the quote
				continue;
			}
			if (b < 0) {
				lead(b & 0xFF, offset + i);
				afterCr = false;
				continue;
			}
			switch (b) {
				case '\n' -> {
					if (!afterCr) {
						line++;
					}
					afterCr = false;
				}
				case '\r' -> {
					line++;
					afterCr = true;
				}
				case '"' -> {
					if (!quoted) {
						quoteLine = line;
					}
					quoted = !quoted;
					afterCr = false;
				}
				case 0 -> throw new RecordReader.Framing(line, "nul");
				default -> afterCr = false;
			}
		}
	}

	/** The first byte of a multi-byte character: how many follow and what the first of them may be (RFC 3629). */
	private void lead(int u, long at) throws IOException, NotUtf8 {
		leadOffset = at;
		leadLine = line;
		low = 0x80;
		high = 0xBF;
		if (u >= 0xC2 && u <= 0xDF) {
			owed = 1;
		}
		else if (u >= 0xE0 && u <= 0xEF) {
			owed = 2;
			if (u == 0xE0) {
				low = 0xA0; // else overlong
			}
			else if (u == 0xED) {
				high = 0x9F; // else a surrogate
			}
		}
		else if (u >= 0xF0 && u <= 0xF4) {
			owed = 3;
			if (u == 0xF0) {
				low = 0x90;
			}
			else if (u == 0xF4) {
				high = 0x8F; // else above U+10FFFF
			}
		}
		else {
			throw notUtf8(at, line);
		}
	}

	/** The fault at a byte offset: its byte, its line, and whether the bytes from there read as GB18030. */
	private NotUtf8 notUtf8(long offset, long atLine) throws IOException {
		ByteBuffer sample = ByteBuffer.allocate(SAMPLE);
		try (FileChannel channel = FileChannel.open(path)) {
			while (sample.hasRemaining() && channel.read(sample, offset + sample.position()) > 0) {
				// reads up to the sample's size or the end of the file
			}
		}
		byte[] bytes = new byte[sample.position()];
		sample.flip().get(bytes);
		return new NotUtf8(atLine, bytes[0] & 0xFF, StrictUtf8Reader.looksLikeGb18030(bytes));
	}

	/** A byte that is not UTF-8 at a line of the file. */
	static final class NotUtf8 extends Exception {

		private final long line;
		private final int firstByte;
		private final boolean gb18030;

		NotUtf8(long line, int firstByte, boolean gb18030) {
			super("byte 0x%02X at line %d is not UTF-8".formatted(firstByte, line), null, false, false);
			this.line = line;
			this.firstByte = firstByte;
			this.gb18030 = gb18030;
		}

		long line() {
			return line;
		}

		int firstByte() {
			return firstByte;
		}

		boolean looksLikeGb18030() {
			return gb18030;
		}
	}
}

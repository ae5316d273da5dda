package org.fundguard.claims.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses to guess: the first byte that is not UTF-8 stops the reading with {@link NotUtf8}, after every
 * character before it has been handed out, so that the caller knows the exact line. An InputStreamReader would
 * replace such bytes with U+FFFD in silence (how GBK institution names once became "�**"), and with a reporting
 * decoder would throw without the characters decoded before the error in the same chunk.
 */
final class StrictUtf8Reader extends Reader {

	private static final Charset GB18030 = Charset.forName("GB18030");
	private static final int SAMPLE = 64;

	private final InputStream in;
	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);
	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
	private long bytesBefore;
	private boolean eof;
	private boolean flushed;
	private NotUtf8 pending;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
		bytes.flip();
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (pending != null) {
			throw pending;
		}
		if (flushed) {
			return -1; // the decoder is done; asking again after the end is no error
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (true) {
			CoderResult result = decoder.decode(bytes, out, eof);
			if (result.isError()) {
				pending = notUtf8();
				break;
			}
			if (out.position() > offset || result.isOverflow()) {
				break;
			}
			if (eof) {
				if (!flushed) {
					flushed = true;
					decoder.flush(out);
				}
				break;
			}
			fill();
		}
		int n = out.position() - offset;
		if (n > 0) {
			return n;
		}
		if (pending != null) {
			throw pending;
		}
		return -1;
	}

	private void fill() throws IOException {
		bytesBefore += bytes.position();
		bytes.compact();
		int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n < 0) {
			eof = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	/** The error at the buffer's position: where it is, and whether the bytes from there read as GB18030. */
	private NotUtf8 notUtf8() throws IOException {
		long offset = bytesBefore + bytes.position();
		ByteBuffer rest = bytes.slice();
		if (rest.remaining() < SAMPLE && !eof) {
			byte[] more = in.readNBytes(SAMPLE - rest.remaining());
			ByteBuffer joined = ByteBuffer.allocate(rest.remaining() + more.length);
			joined.put(rest).put(more).flip();
			rest = joined;
		}
		byte[] sample = new byte[Math.min(SAMPLE, rest.remaining())];
		rest.get(sample);
		return new NotUtf8(offset, sample[0] & 0xFF, looksLikeGb18030(sample));
	}

	/**
	 * Whether the bytes up to the end of their line decode as GB18030 (of which GBK is a part) into at least one
	 * Chinese character: what a Chinese export tool writes when it is not told to write UTF-8.
	 */
	static boolean looksLikeGb18030(byte[] sample) {
		int end = 0;
		while (end < sample.length && sample[end] != '\n' && sample[end] != '\r') {
			end++;
		}
		CharsetDecoder gb = GB18030.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(end + 1);
		// end of input only when the line ends inside the sample: else a character cut by the sample's end is no error
		CoderResult result = gb.decode(ByteBuffer.wrap(sample, 0, end), out, end < sample.length);
		if (result.isError()) {
			return false;
		}
		out.flip();
		return out.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/** Bytes that are not UTF-8, at a byte offset of the file (after any byte order mark). */
	static final class NotUtf8 extends CharacterCodingException {

		private final long offset;
		private final int firstByte;
		private final boolean gb18030;

		NotUtf8(long offset, int firstByte, boolean gb18030) {
			this.offset = offset;
			this.firstByte = firstByte;
			this.gb18030 = gb18030;
		}

		long offset() {
			return offset;
		}

		int firstByte() {
			return firstByte;
		}

		boolean looksLikeGb18030() {
			return gb18030;
		}

		@Override
		public String getMessage() {
			return "byte 0x%02X at offset %d is not UTF-8%s".formatted(firstByte, offset,
					gb18030 ? " (looks like GBK/GB18030)" : "");
		}
	}
}

package org.fundguard.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.fundguard.errors.Refused;

/**
 * A font with Chinese glyphs for the PDF documents. PDF embedding needs a plain TrueType font, and Debian ships the
 * usual CJK fonts as TrueType collections (.ttc), so the first font of a collection is taken out as a TrueType file
 * of its own: its tables copied behind a new table directory. Without any CJK font the documents would print empty
 * boxes, so that fails loudly instead.
 */
final class CjkFont {

	/** Where Debian and Ubuntu put the fonts FundGuard knows to work; the first one present is used. */
	static final List<Path> KNOWN = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
			Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
			Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

	static final String FAMILY = "FundGuardCJK";

	private CjkFont() {
	}

	/** The TrueType bytes of the configured font, or of the first known one present. */
	static byte[] load(String configured) {
		Path file = locate(configured).orElseThrow(() -> Refused.unavailable("penalties.pdf.no-cjk-font", null,
				(configured == null || configured.isBlank() ? "" : configured + ", ")
						+ String.join(", ", KNOWN.stream().map(Path::toString).toList())));
		try {
			byte[] bytes = Files.readAllBytes(file);
			return isCollection(bytes) ? firstOfCollection(bytes) : bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the CJK font " + file, e);
		}
	}

	static Optional<Path> locate(String configured) {
		Stream<Path> candidates = configured == null || configured.isBlank() ? KNOWN.stream()
				: Stream.of(Path.of(configured));
		return candidates.filter(Files::isReadable).findFirst();
	}

	static boolean isCollection(byte[] bytes) {
		return bytes.length > 12 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f';
	}

	/**
	 * Rebuilds font 0 of a TrueType collection as a standalone font: the offset table and table records are copied
	 * with new offsets, each table 4-byte aligned as the format requires.
	 */
	static byte[] firstOfCollection(byte[] ttc) {
		ByteBuffer in = ByteBuffer.wrap(ttc);
		int fontOffset = in.getInt(12);
		int numTables = Short.toUnsignedInt(in.getShort(fontOffset + 4));
		int headerSize = 12 + 16 * numTables;
		int total = headerSize;
		for (int i = 0; i < numTables; i++) {
			total += align(in.getInt(fontOffset + 12 + 16 * i + 12));
		}
		ByteBuffer out = ByteBuffer.allocate(total);
		out.put(ttc, fontOffset, 12);
		int next = headerSize;
		for (int i = 0; i < numTables; i++) {
			int record = fontOffset + 12 + 16 * i;
			int tag = in.getInt(record);
			int checksum = in.getInt(record + 4);
			int offset = in.getInt(record + 8);
			int length = in.getInt(record + 12);
			out.putInt(12 + 16 * i, tag);
			out.putInt(12 + 16 * i + 4, checksum);
			out.putInt(12 + 16 * i + 8, next);
			out.putInt(12 + 16 * i + 12, length);
			out.put(next, ttc, offset, length);
			next += align(length);
		}
		return out.array();
	}

	private static int align(int length) {
		return (length + 3) & ~3;
	}
}

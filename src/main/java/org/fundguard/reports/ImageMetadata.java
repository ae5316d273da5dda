package org.fundguard.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.fundguard.documents.DocumentType;

/**
 * Removes what a photo says about its maker (EXIF with GPS position, camera serial numbers and times, XMP, IPTC,
 * comments, embedded thumbnails and profiles) by copying only the segments that draw the picture. The pixels are
 * not re-encoded, so nothing is lost in quality. What is dropped, and why the rest is safe:
 * <ul>
 * <li>JPEG: every APPn segment except a JFIF header (its thumbnail removed) and Adobe's colour-transform flag,
 * every comment, and anything after the end-of-image marker. A rotated phone photo may show sideways afterwards,
 * because its orientation was EXIF too.</li>
 * <li>PNG: every chunk except those that define the image (IHDR, PLTE, IDAT, IEND, transparency, gamma, colour
 * space, background, pixel size, animation), so text, EXIF, time and ICC chunks go, and anything after IEND.</li>
 * </ul>
 */
final class ImageMetadata {

	private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
			"sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");
	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private ImageMetadata() {
	}

	/** The image without its metadata; other types unchanged. Throws {@link IllegalArgumentException} on a broken image. */
	static byte[] strip(DocumentType type, byte[] content) {
		return switch (type) {
			case JPEG -> jpeg(content);
			case PNG -> png(content);
			default -> content;
		};
	}

	static byte[] jpeg(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(0xD8);
		int i = 2;
		while (true) {
			require(i + 1 < in.length, "JPEG file ends early");
			require((in[i] & 0xFF) == 0xFF, "JPEG segment marker expected");
			while (i < in.length && (in[i] & 0xFF) == 0xFF) {
				i++; // fill bytes
			}
			require(i < in.length, "JPEG file ends early");
			int marker = in[i++] & 0xFF;
			if (marker == 0xD9) {
				out.write(0xFF);
				out.write(0xD9);
				return out.toByteArray(); // whatever follows the image is dropped
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(0xFF);
				out.write(marker);
				continue;
			}
			require(i + 1 < in.length, "JPEG file ends early");
			int length = ((in[i] & 0xFF) << 8) | (in[i + 1] & 0xFF);
			require(length >= 2 && i + length <= in.length, "JPEG segment length out of the file");
			int dataStart = i + 2;
			int dataLength = length - 2;
			if (marker >= 0xE0 && marker <= 0xEF || marker == 0xFE) {
				keepHarmlessApp(marker, in, dataStart, dataLength, out);
				i += length;
				continue;
			}
			out.write(0xFF);
			out.write(marker);
			out.write(in, i, length);
			i += length;
			if (marker == 0xDA) {
				i = copyScan(in, i, out);
			}
		}
	}

	/** Entropy-coded data after a start-of-scan, up to the next real marker (not a stuffed 0xFF00 nor a restart). */
	private static int copyScan(byte[] in, int i, ByteArrayOutputStream out) {
		int start = i;
		while (i + 1 < in.length) {
			if ((in[i] & 0xFF) == 0xFF) {
				int next = in[i + 1] & 0xFF;
				if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
					break;
				}
			}
			i++;
		}
		require(i + 1 < in.length, "JPEG file ends early");
		out.write(in, start, i - start);
		return i;
	}

	private static void keepHarmlessApp(int marker, byte[] in, int start, int length, ByteArrayOutputStream out) {
		if (marker == 0xE0 && startsWith(in, start, length, "JFIF\0") && length >= 14) {
			// JFIF header: version, density units and density; thumbnail size set to 0x0 and its pixels left out
			out.write(0xFF);
			out.write(0xE0);
			out.write(0);
			out.write(16);
			out.write(in, start, 12);
			out.write(0);
			out.write(0);
		}
		else if (marker == 0xEE && startsWith(in, start, length, "Adobe")) {
			// Adobe's flag says whether the colours are YCbCr or CMYK; it carries nothing about the author
			out.write(0xFF);
			out.write(0xEE);
			out.write((length + 2) >> 8);
			out.write((length + 2) & 0xFF);
			out.write(in, start, length);
		}
	}

	static byte[] png(byte[] in) {
		require(in.length >= 8 && java.util.Arrays.equals(in, 0, 8, PNG_SIGNATURE, 0, 8), "not a PNG signature");
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8);
		int i = 8;
		while (true) {
			require(i + 8 <= in.length, "PNG file ends early");
			long length = ((long) (in[i] & 0xFF) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8)
					| (in[i + 3] & 0xFF);
			require(length <= in.length - i - 12L, "PNG chunk length out of the file");
			String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
			int total = (int) length + 12;
			if (PNG_KEPT.contains(type)) {
				out.write(in, i, total);
			}
			i += total;
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
		}
	}

	private static boolean startsWith(byte[] in, int start, int length, String prefix) {
		byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
		return length >= p.length && java.util.Arrays.equals(in, start, start + p.length, p, 0, p.length);
	}

	private static void require(boolean ok, String problem) {
		if (!ok) {
			throw new IllegalArgumentException(problem + ": broken image");
		}
	}
}

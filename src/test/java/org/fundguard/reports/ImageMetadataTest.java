package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.fundguard.documents.DocumentType;
import org.junit.jupiter.api.Test;

/** Photos lose what they say about their maker, and still show the same picture. */
class ImageMetadataTest {

	static final String SECRET = "GPS 36.8123N 118.0456E Canon SN-4711 张三的手机";

	@Test
	void exifXmpCommentsAndTrailingBytesAreRemovedFromAJpegWhoseImageStaysTheSame() throws IOException {
		byte[] clean = jpeg();
		byte[] tagged = withJpegMetadata(clean);
		assertThat(contains(tagged, SECRET)).isTrue();

		byte[] stripped = ImageMetadata.strip(DocumentType.JPEG, tagged);

		assertThat(contains(stripped, SECRET)).isFalse();
		assertThat(contains(stripped, "Exif")).isFalse();
		assertThat(contains(stripped, "http://ns.adobe.com/xap")).isFalse();
		assertThat(DocumentType.sniff(stripped)).contains(DocumentType.JPEG);
		assertThat(pixels(stripped)).isEqualTo(pixels(clean));
		assertThat(stripped[stripped.length - 2] & 0xFF).isEqualTo(0xFF);
		assertThat(stripped[stripped.length - 1] & 0xFF).as("ends at its end-of-image marker").isEqualTo(0xD9);
	}

	@Test
	void textExifTimeAndProfileChunksAreRemovedFromAPngWhosePixelsStayTheSame() throws IOException {
		byte[] clean = png();
		byte[] tagged = withPngMetadata(clean);
		assertThat(contains(tagged, "SN-4711")).isTrue();

		byte[] stripped = ImageMetadata.strip(DocumentType.PNG, tagged);

		assertThat(contains(stripped, "SN-4711")).isFalse();
		assertThat(contains(stripped, "tEXt")).isFalse();
		assertThat(contains(stripped, "eXIf")).isFalse();
		assertThat(contains(stripped, "tIME")).isFalse();
		assertThat(stripped).isEqualTo(clean);
		assertThat(pixels(stripped)).isEqualTo(pixels(clean));
	}

	@Test
	void aBrokenImageIsRefusedRatherThanStoredWithItsMetadata() {
		byte[] truncated = Arrays.copyOf(withJpegMetadata(uncheckedJpeg()), 40);

		assertThatThrownBy(() -> ImageMetadata.strip(DocumentType.JPEG, truncated))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void otherTypesAreLeftAlone() {
		byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);

		assertThat(ImageMetadata.strip(DocumentType.PDF, pdf)).isSameAs(pdf);
	}

	static BufferedImage picture() {
		BufferedImage image = new BufferedImage(40, 24, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 40, 24);
		g.setColor(new Color(11, 83, 148));
		g.fillRect(5, 5, 20, 10);
		g.dispose();
		return image;
	}

	static byte[] jpeg() throws IOException {
		var out = new ByteArrayOutputStream();
		ImageIO.write(picture(), "jpg", out);
		return out.toByteArray();
	}

	static byte[] png() throws IOException {
		var out = new ByteArrayOutputStream();
		ImageIO.write(picture(), "png", out);
		return out.toByteArray();
	}

	private static byte[] uncheckedJpeg() {
		try {
			return jpeg();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An EXIF APP1, an XMP APP1 and a comment after SOI, and a trailer after EOI, as phones and editors write. */
	static byte[] withJpegMetadata(byte[] jpeg) {
		var out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), SECRET.getBytes(StandardCharsets.UTF_8)));
		segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + SECRET + "</x:xmpmeta>")
			.getBytes(StandardCharsets.UTF_8));
		segment(out, 0xFE, SECRET.getBytes(StandardCharsets.UTF_8));
		out.write(jpeg, 2, jpeg.length - 2);
		out.writeBytes(("trailer " + SECRET).getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/** tEXt, eXIf and tIME chunks after IHDR, and bytes after IEND. */
	static byte[] withPngMetadata(byte[] png) {
		int afterIhdr = 8 + 12 + 13;
		var out = new ByteArrayOutputStream();
		out.write(png, 0, afterIhdr);
		chunk(out, "tEXt", ("Author\0" + "SN-4711").getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "eXIf", ("MM\0*" + "SN-4711 GPS").getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "tIME", new byte[] { 0x07, (byte) 0xEA, 11, 23, 10, 0, 0 });
		out.write(png, afterIhdr, png.length - afterIhdr);
		out.writeBytes("SN-4711".getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		out.write((data.length + 2) >> 8);
		out.write((data.length + 2) & 0xFF);
		out.writeBytes(data);
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	static boolean contains(byte[] haystack, String needle) {
		byte[] n = needle.getBytes(StandardCharsets.UTF_8);
		outer: for (int i = 0; i + n.length <= haystack.length; i++) {
			for (int j = 0; j < n.length; j++) {
				if (haystack[i + j] != n[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static int[] pixels(byte[] image) throws IOException {
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
		return read.getRGB(0, 0, read.getWidth(), read.getHeight(), null, 0, read.getWidth());
	}
}

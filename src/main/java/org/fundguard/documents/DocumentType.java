package org.fundguard.documents;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file FundGuard accepts, recognised from the first bytes of the content, never from the
 * name a browser sends: a "photo.jpg" that is really a script is refused.
 */
public enum DocumentType {

	PDF("application/pdf", "pdf", "PDF 文档"),
	JPEG("image/jpeg", "jpg", "JPEG 图片"),
	PNG("image/png", "png", "PNG 图片"),
	/** Word, Excel (OOXML): zip containers; the bureau's own scans and spreadsheets. */
	OFFICE("application/zip", "zip", "Office 文档"),
	TEXT("text/plain; charset=UTF-8", "txt", "文本");

	private final String mediaType;
	private final String extension;
	private final String label;

	DocumentType(String mediaType, String extension, String label) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.label = label;
	}

	/** What pages show for the type. */
	public String label() {
		return label;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	public boolean isImage() {
		return this == JPEG || this == PNG;
	}

	/** The type the content really has, or empty for anything else. */
	public static Optional<DocumentType> sniff(byte[] content) {
		if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
			return Optional.of(OFFICE);
		}
		if (content.length > 0 && isUtf8Text(content)) {
			return Optional.of(TEXT);
		}
		return Optional.empty();
	}

	private static boolean isUtf8Text(byte[] content) {
		byte[] head = Arrays.copyOf(content, Math.min(content.length, 64 * 1024));
		for (byte b : head) {
			if (b == 0 || (b > 0 && b < 0x09)) {
				return false;
			}
		}
		try {
			// a multi-byte character cut at the sample's end is not a reason to refuse
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, head.length == content.length ? head.length : trimPartial(head)));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static int trimPartial(byte[] head) {
		int end = head.length;
		int back = 0;
		while (end > 0 && back < 3 && (head[end - 1] & 0xC0) == 0x80) {
			end--;
			back++;
		}
		if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
			end--;
		}
		return end;
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}
}

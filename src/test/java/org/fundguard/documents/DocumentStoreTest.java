package org.fundguard.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** What the store will not keep or serve is refused with a message for the person who sent or asked for it. */
class DocumentStoreTest {

	@TempDir
	Path dataDir;

	private final MemoryContents contents = new MemoryContents();

	private DocumentStore store() {
		return new DocumentStore(mock(JdbcClient.class), Clock.systemUTC(),
				new DocumentsProperties(DataSize.ofMegabytes(1), List.of(DocumentType.PDF)), contents,
				org.fundguard.sealing.Sealer.withKeyFile(dataDir.resolve("keys/master-keyset.json")));
	}

	@Test
	void anEmptyATooLargeAndAWronglyTypedFileAreRefusedAsDocumentsNotKept() {
		byte[] text = "纯文本，不是 PDF".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> store().store("a.pdf", new byte[0], "u")).isInstanceOfSatisfying(DocumentRefused.class, r -> {
			assertThat(r.reason()).isEqualTo(Refused.Reason.INVALID);
			assertThat(r.getMessage()).isEqualTo("文件“a.pdf”为空");
		});
		assertThatThrownBy(() -> store().store("big.pdf", new byte[1024 * 1024 + 1], "u")).isInstanceOf(DocumentRefused.class)
			.hasMessage("文件“big.pdf”超过大小上限 1 MB");
		assertThatThrownBy(() -> store().store("x.pdf", text, "u")).isInstanceOfSatisfying(DocumentRefused.class,
				r -> assertThat(r.english()).contains("x.pdf", "PDF", "judged by the content"));
	}

	@Test
	void contentChangedInTheStoreIsNotServed() throws Exception {
		byte[] pdf = "%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII);
		String sha = Sha256.hex(pdf);
		contents.putIfAbsent(sha, "%PDF-1.4 forged!!".getBytes(StandardCharsets.US_ASCII));
		StoredDocument doc = new StoredDocument("d1", "证据.pdf", DocumentType.PDF, pdf.length, sha, "u", OffsetDateTime.now());

		assertThatThrownBy(() -> store().content(doc)).isInstanceOfSatisfying(Refused.class, r -> {
			assertThat(r.reason()).isEqualTo(Refused.Reason.CONFLICT);
			assertThat(r.getMessage()).contains("证据.pdf", "已被改动");
		});
	}
}

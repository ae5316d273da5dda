package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level check must accept exactly what the JDK's strict UTF-8 decoder accepts, and count lines as the reader. */
class ByteCheckTest {

	@TempDir
	Path dir;

	@Test
	void acceptsAndRefusesTheSameBytesAsTheJdkDecoder() throws IOException {
		Random random = new Random(16);
		// the first five are good; a long ASCII run is read eight bytes at a time
		byte[][] pieces = { "a".getBytes(StandardCharsets.UTF_8), "2026-03-05 09:00:00,X1,1.00".getBytes(StandardCharsets.UTF_8), "透析".getBytes(StandardCharsets.UTF_8),
				"😀".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8), { (byte) 0xC0, (byte) 0x80 },
				{ (byte) 0xE0, (byte) 0x9F, (byte) 0xBF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF },
				{ (byte) 0xE6 }, { (byte) 0x80 }, { (byte) 0xFF }, { (byte) 0xF5 }, { (byte) 0xC1, (byte) 0xBF },
				{ (byte) 0xEF, (byte) 0xBF, (byte) 0xBF }, { (byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF }, "\n".getBytes(StandardCharsets.UTF_8) };
		int refused = 0;
		for (int run = 0; run < 3_000; run++) {
			List<Byte> bytes = new ArrayList<>();
			int parts = 1 + random.nextInt(9);
			for (int p = 0; p < parts; p++) {
				// mostly good pieces, so that a bad one is often preceded by good ones
				byte[] piece = pieces[random.nextInt(4) == 0 ? random.nextInt(pieces.length) : random.nextInt(5)];
				for (byte b : piece) {
					bytes.add(b);
				}
			}
			byte[] data = new byte[bytes.size()];
			for (int i = 0; i < data.length; i++) {
				data[i] = bytes.get(i);
			}
			Path file = dir.resolve("f" + run);
			Files.write(file, data);
			boolean jdk = decodes(data);
			boolean ours = true;
			try {
				ByteCheck.check(file, n -> {
				});
			}
			catch (ByteCheck.NotUtf8 e) {
				ours = false;
			}
			catch (RecordReader.Framing e) {
				throw new AssertionError(e);
			}
			assertThat(ours).as("bytes %s", java.util.HexFormat.ofDelimiter(" ").formatHex(data)).isEqualTo(jdk);
			refused += jdk ? 0 : 1;
		}
		assertThat(refused).as("the sample has refused cases").isGreaterThan(300);
	}

	@Test
	void namesTheLineOfTheFirstBadByteCountingCrLfAndLoneCrAsOneBreak() throws IOException {
		Path file = dir.resolve("x.csv");
		byte[] start = "a\r\nb\rc\n\"d\ne\"\n".getBytes(StandardCharsets.UTF_8); // lines 1-5, a quoted break in 4-5
		byte[] data = new byte[start.length + 2];
		System.arraycopy(start, 0, data, 0, start.length);
		data[start.length] = (byte) 0xCD;
		data[start.length + 1] = (byte) 0x41;
		Files.write(file, data);
		assertThatThrownBy(() -> ByteCheck.check(file, n -> {
		})).isInstanceOfSatisfying(ByteCheck.NotUtf8.class, e -> {
			assertThat(e.line()).isEqualTo(6);
			assertThat(e.firstByte()).isEqualTo(0xCD);
		});
	}

	@Test
	void aQuoteLeftOpenIsNamedByTheLineItOpensOnAndAByteOrderMarkIsNoError() throws IOException {
		Path file = dir.resolve("q.csv");
		Files.write(file, ("\uFEFFa,b\n1,\"x\"\"y\"\n2,\"open\nmore\n").getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> ByteCheck.check(file, n -> {
		})).isInstanceOfSatisfying(RecordReader.Framing.class, e -> {
			assertThat(e.line()).isEqualTo(3);
			assertThat(e.reason()).isEqualTo("unterminated-quote");
		});
	}

	@Test
	void reportsProgressUpToTheFileSize() throws Exception {
		Path file = dir.resolve("p.csv");
		Files.write(file, "abc,\"d\"\n".repeat(100_000).getBytes(StandardCharsets.UTF_8));
		List<Long> seen = new ArrayList<>();
		ByteCheck.check(file, seen::add);
		assertThat(seen).isNotEmpty().last().isEqualTo(Files.size(file));
	}

	@Test
	void aNulOrAQuoteAmongLongAsciiRunsIsStillSeen() throws IOException {
		Path file = dir.resolve("n.csv");
		String run = "S1,2,2026-03-05 09:00:00,X1,";
		Files.write(file, (run + run + "\n" + run + "\0" + run + "\n").getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> ByteCheck.check(file, n -> {
		})).isInstanceOfSatisfying(RecordReader.Framing.class, e -> assertThat(e.line()).isEqualTo(2));
		Files.write(file, (run + run + "\r\n" + run + run + "\"" + run + "\r" + run).getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> ByteCheck.check(file, n -> {
		})).isInstanceOfSatisfying(RecordReader.Framing.class, e -> assertThat(e.reason()).isEqualTo("unterminated-quote"));
	}

	private static boolean decodes(byte[] data) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(data));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}
}

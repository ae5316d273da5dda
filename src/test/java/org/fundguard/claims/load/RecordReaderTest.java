package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Records as RFC 4180 frames them, whatever falls on the edge of the reader's buffer of 16,384 characters. */
class RecordReaderTest {

	private static final int BUFFER = 1 << 14;

	@Test
	void lineBreaksOfEveryKindEndRecordsAndAreCountedAsLines() throws Exception {
		List<RecordReader.Record> records = read("a,b\r\nc\rd\n\"e\r\nf\",g\r\n", 100);
		assertThat(records).extracting(RecordReader.Record::text).containsExactly("a,b", "c", "d", "\"e\nf\",g");
		assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void aCrLfSplitByTheBufferInsideQuotesReadsAsOneLf() throws Exception {
		String head = "x".repeat(BUFFER - 2);
		List<RecordReader.Record> records = read("\"" + head + "\r\ny\"\nz", 100_000);
		assertThat(records).extracting(RecordReader.Record::text).containsExactly("\"" + head + "\ny\"", "z");
		assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 3L);
	}

	@Test
	void aCrLfSplitByTheBufferOutsideQuotesEndsTheRecordOnce() throws Exception {
		String head = "x".repeat(BUFFER - 1);
		assertThat(read(head + "\r\nnext", 100_000)).extracting(RecordReader.Record::text).containsExactly(head, "next");
	}

	@Test
	void aRecordOfExactlyTheLimitIsKeptAndOneMoreIsOnlyItsHead() throws Exception {
		String exact = "a,\"\"".repeat(500);
		String over = "a".repeat(1500) + "\"" + "b".repeat(500) + "\"";
		List<RecordReader.Record> records = read(exact + "\n" + over + "\nlast", 2000);
		assertThat(records.get(0).overLong()).isFalse();
		assertThat(records.get(0).length()).isEqualTo(2000);
		assertThat(records.get(1).overLong()).isTrue();
		assertThat(records.get(1).length()).isEqualTo(2002);
		assertThat(records.get(1).head()).isEqualTo("a".repeat(RecordReader.HEAD));
		assertThat(records.get(2).text()).isEqualTo("last");
	}

	@Test
	void anOverLongRecordAcrossSeveralBuffersKeepsItsHeadItsLengthAndItsQuotes() throws Exception {
		String cell = "\"" + "y".repeat(BUFFER) + "\n" + "z".repeat(BUFFER) + "\"";
		List<RecordReader.Record> records = read("a," + cell + "\nnext", 100);
		assertThat(records.get(0).overLong()).isTrue();
		assertThat(records.get(0).length()).isEqualTo(2 + cell.length());
		assertThat(records.get(0).head()).isEqualTo("a,\"" + "y".repeat(97));
		assertThat(records.get(1).text()).isEqualTo("next");
		assertThat(records.get(1).line()).isEqualTo(3);
	}

	@Test
	void aLimitBelowTheHeadKeepsTheRecordUpToTheLimit() throws Exception {
		RecordReader.Record r = read("b".repeat(3000) + "\n", 10).getFirst();
		assertThat(r.overLong()).isTrue();
		assertThat(r.head()).isEqualTo("b".repeat(10));
	}

	@Test
	void aNulAndAnOpenQuoteStopTheFileNamingTheirLines() {
		assertThatThrownBy(() -> read("a\nb\u0000", 100)).isInstanceOfSatisfying(RecordReader.Framing.class,
				f -> assertThat(f.line()).isEqualTo(2));
		assertThatThrownBy(() -> read("a\n\"b\nc", 100)).isInstanceOfSatisfying(RecordReader.Framing.class,
				f -> assertThat(f.reason()).isEqualTo("unterminated-quote"));
	}

	private static List<RecordReader.Record> read(String text, int maxChars) throws IOException, RecordReader.Framing {
		RecordReader reader = new RecordReader(new StringReader(text), maxChars);
		List<RecordReader.Record> records = new ArrayList<>();
		RecordReader.Record r;
		while ((r = reader.next()) != null) {
			records.add(r);
		}
		return records;
	}
}

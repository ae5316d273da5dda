package org.fundguard.claims.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.fundguard.errors.Messages;

/**
 * Streams the rows of one export file: RFC 4180 (a backslash is an ordinary character), UTF-8 with an optional
 * BOM, CRLF or LF, columns in any order. Memory does not depend on the file's size, nor on a row's: a row longer
 * than the limit is rejected with its first characters and its length, never read whole. Bytes that are not
 * UTF-8, a NUL byte or a quote left open to the end of the file refuse the whole file, naming its line: found by
 * {@link #checkBytes} before the load, and again here should the file change in between.
 */
final class ExportReader implements Closeable {

	private final ExportFile file;
	private final Limits limits;
	private final CountingStream bytes;
	private final RecordReader records;
	private final RFC4180Parser parser = new RFC4180ParserBuilder().build();
	private final Map<String, Integer> header = new HashMap<>();
	private final String[] names;
	private long rowNumber = 1;

	/** How long a record and a cell may be, in characters. */
	record Limits(int maxRow, int maxCell) {

		static final Limits DEFAULT = new Limits(64 * 1024, 16 * 1024);

		static Limits of(LoaderProperties properties) {
			return new Limits((int) Math.min(Integer.MAX_VALUE, properties.maxRowLength().toBytes()),
					(int) Math.min(Integer.MAX_VALUE, properties.maxCellLength().toBytes()));
		}
	}

	ExportReader(ExportFile file, Path path, Limits limits) throws IOException, BadFile {
		this.file = file;
		this.limits = limits;
		this.bytes = new CountingStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
		skipByteOrderMark(bytes);
		this.records = new RecordReader(new StrictUtf8Reader(bytes), limits.maxRow());
		RecordReader.Record first = record();
		if (first == null) {
			throw new BadFile(file.fileName() + ": the file is empty; it needs a header row");
		}
		if (first.overLong()) {
			throw new BadFile(text("claims.load.header-too-long", file.fileName(), first.length(), limits.maxRow()));
		}
		names = parse(first.text());
		for (int i = 0; i < names.length; i++) {
			header.putIfAbsent(names[i].trim(), i);
		}
		List<String> missing = new ArrayList<>();
		for (String column : file.requiredColumns()) {
			if (!header.containsKey(column)) {
				missing.add(column);
			}
		}
		if (!missing.isEmpty()) {
			throw new BadFile(file.fileName() + ": required column(s) missing from the header: " + String.join(", ", missing));
		}
	}

	/** The next data row, or null at the end; a row that breaks the framing rules comes back in {@code malformed}. */
	Row next(List<BadRow> malformed) throws IOException, BadFile {
		while (true) {
			RecordReader.Record record = record();
			if (record == null) {
				return null;
			}
			if (!record.overLong() && record.text().isEmpty()) {
				continue; // a blank line, typically the last one
			}
			rowNumber++;
			if (record.overLong()) {
				malformed.add(new BadRow(rowNumber, record.line(), "*",
						text("claims.load.row-too-long", record.length(), limits.maxRow()), record.head(), record.length()));
				continue;
			}
			String[] cells = parse(record.text());
			Row row = new Row(header, cells, rowNumber, record.line());
			if (cells.length != names.length) {
				malformed.add(BadRow.of(row, "*", "row has " + cells.length + " cells, the header has " + names.length));
				continue;
			}
			BadRow tooLong = longCell(row);
			if (tooLong != null) {
				malformed.add(tooLong);
				continue;
			}
			return row;
		}
	}

	/** Checks every byte of a file (UTF-8, no NUL, quotes closed) without cutting it into rows. */
	static void checkBytes(ExportFile file, Path path, ByteCheck.Progress progress) throws IOException, BadFile {
		try {
			ByteCheck.check(path, progress);
		}
		catch (RecordReader.Framing e) {
			throw new BadFile(text("claims.load." + e.reason(), file.fileName(), e.line()));
		}
		catch (ByteCheck.NotUtf8 e) {
			throw notUtf8(file, e.line(), e.firstByte(), e.looksLikeGb18030());
		}
	}

	private BadRow longCell(Row row) {
		String[] cells = row.cells();
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] != null && cells[i].length() > limits.maxCell()) {
				return BadRow.of(row, names[i].trim(), text("claims.load.cell-too-long", cells[i].length(), limits.maxCell()));
			}
		}
		return null;
	}

	long bytesRead() {
		return bytes.count;
	}

	ExportFile file() {
		return file;
	}

	private RecordReader.Record record() throws IOException, BadFile {
		try {
			return records.next();
		}
		catch (RecordReader.Framing e) {
			throw framing(e);
		}
		catch (StrictUtf8Reader.NotUtf8 e) {
			throw notUtf8(e);
		}
	}

	private String[] parse(String record) throws IOException {
		// a record the reader framed has its quotes paired, so the parser never waits for another line
		return parser.parseLine(record);
	}

	private BadFile framing(RecordReader.Framing e) {
		return new BadFile(text("claims.load." + e.reason(), file.fileName(), e.line()));
	}

	private BadFile notUtf8(StrictUtf8Reader.NotUtf8 e) {
		return notUtf8(file, records.line(), e.firstByte(), e.looksLikeGb18030());
	}

	private static BadFile notUtf8(ExportFile file, long line, int firstByte, boolean gb18030) {
		String key = gb18030 ? "claims.load.not-utf8-gb18030" : "claims.load.not-utf8";
		return new BadFile(text(key, file.fileName(), line, "%02X".formatted(firstByte)));
	}

	/** A message of the bundle in Chinese and in English, as every line of a load's record and report reads. */
	static String text(String key, Object... args) {
		return Messages.chinese(key, args) + " / " + Messages.english(key, args);
	}

	private static void skipByteOrderMark(InputStream in) throws IOException {
		in.mark(3);
		byte[] start = in.readNBytes(3);
		if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
			in.reset();
		}
	}

	@Override
	public void close() throws IOException {
		bytes.close();
	}

	/** A row that broke the contract: where, which column and why, and the raw row (perhaps only its start) with its length. */
	record BadRow(long rowNumber, long line, String column, String reason, String raw, long rawLength) {

		static BadRow of(Row row, String column, String reason) {
			String raw = RejectsReport.raw(row.cells());
			return new BadRow(row.rowNumber(), row.lineNumber(), column, reason, raw, raw.length());
		}
	}

	/** The whole file cannot be read: nothing of it loads. */
	static final class BadFile extends Exception {
		BadFile(String message) {
			super(message);
		}
	}

	private static final class CountingStream extends FilterInputStream {

		long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public synchronized void mark(int limit) {
			in.mark(limit);
		}

		@Override
		public synchronized void reset() throws IOException {
			in.reset();
			count = 0;
		}

		@Override
		public boolean markSupported() {
			return true;
		}
	}
}

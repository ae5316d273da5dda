package org.fundguard.claims.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

/**
 * Streams the rows of one export file: RFC 4180 (a backslash is an ordinary character), UTF-8 with an optional
 * BOM, CRLF or LF, columns in any order. Memory does not depend on the file's size.
 */
final class ExportReader implements Closeable {

	private final ExportFile file;
	private final CountingStream bytes;
	private final CSVReader csv;
	private final Map<String, Integer> header = new HashMap<>();
	private final int width;
	private long rowNumber = 1;

	ExportReader(ExportFile file, Path path) throws IOException, BadFile {
		this.file = file;
		this.bytes = new CountingStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
		skipByteOrderMark(bytes);
		this.csv = new CSVReaderBuilder(new InputStreamReader(bytes, StandardCharsets.UTF_8))
			.withCSVParser(new RFC4180ParserBuilder().build())
			.withKeepCarriageReturn(false)
			// otherwise the reader peeks a character (mark, read, reset) before every line to see whether it was
			// closed under it; this reader is private to the load, so that check only costs time
			.withVerifyReader(false)
			.build();
		String[] names = next();
		if (names == null) {
			throw new BadFile(file.fileName() + ": the file is empty; it needs a header row");
		}
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
		this.width = names.length;
	}

	/** The next data row, or null at the end; a row of the wrong width comes back as a {@link BadValue}. */
	Row next(List<BadRow> malformed) throws IOException {
		while (true) {
			long line = csv.getLinesRead() + 1;
			String[] cells = next();
			if (cells == null) {
				return null;
			}
			if (cells.length == 1 && cells[0].isEmpty()) {
				continue; // a blank line, typically the last one
			}
			rowNumber++;
			Row row = new Row(header, cells, rowNumber, line);
			if (cells.length != width) {
				malformed.add(new BadRow(row, "*", "row has " + cells.length + " cells, the header has " + width));
				continue;
			}
			return row;
		}
	}

	long bytesRead() {
		return bytes.count;
	}

	ExportFile file() {
		return file;
	}

	private String[] next() throws IOException {
		try {
			return csv.readNext();
		}
		catch (CsvValidationException e) {
			throw new IOException(file.fileName() + " line " + csv.getLinesRead() + ": " + e.getMessage(), e);
		}
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
		csv.close();
	}

	/** A row that broke the contract, and which column and why. */
	record BadRow(Row row, String column, String reason) {
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

package org.fundguard.claims.load;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.opencsv.CSVWriter;

/**
 * Every row that did not load, with the file, its row number (the header is row 1), the physical line it
 * starts on, the column, the reason and the raw row, written as the load goes so that nothing waits in memory.
 * The raw row is cut to its first 1 KB (UTF-8), its full length in characters beside it: a 50 MB row once came
 * into the report whole. The report as a whole stops listing rows at about {@code maxBytes} (a file of millions of bad
 * rows would otherwise make gigabytes of it in the shared database); its last row then says how many more were
 * rejected, and the load's record counts them all.
 */
final class RejectsReport implements Closeable {

	static final String[] HEADER = { "file", "row", "line", "column", "reason", "raw", "raw_length" };

	/** Bytes of a raw row the report keeps, at most. */
	static final int RAW_KEPT = 1024;

	private final CSVWriter csv;
	private final Counted written;
	private final long maxBytes;
	private long count;
	private long unlisted;

	/** A report written to {@code out}, which it closes, listing rows up to about {@code maxBytes}. */
	RejectsReport(OutputStream out, long maxBytes) throws IOException {
		this.written = new Counted(out);
		this.maxBytes = maxBytes;
		Writer writer = new OutputStreamWriter(written, StandardCharsets.UTF_8);
		writer.write('\uFEFF'); // so that Excel, which bureau staff open it with, reads it as UTF-8
		this.csv = new CSVWriter(writer);
		csv.writeNext(HEADER, false);
	}

	void reject(ExportFile file, long row, long line, String column, String reason, String raw) {
		reject(file, row, line, column, reason, raw, raw.length());
	}

	synchronized void reject(ExportFile file, long row, long line, String column, String reason, String raw, long rawLength) {
		count++;
		// what the writer still buffers is not counted yet: the report may pass the limit by a few kilobytes
		if (written.count >= maxBytes) {
			unlisted++;
			return;
		}
		csv.writeNext(new String[] { file.fileName(), Long.toString(row), Long.toString(line), column, reason, head(raw),
				Long.toString(rawLength) }, false);
	}

	/** The raw row's start, at most {@link #RAW_KEPT} bytes of UTF-8 and never half a character. */
	static String head(String raw) {
		if (raw.length() * 3L <= RAW_KEPT) {
			return raw;
		}
		int bytes = 0;
		int i = 0;
		while (i < raw.length()) {
			int c = raw.codePointAt(i);
			int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
			if (bytes + size > RAW_KEPT) {
				break;
			}
			bytes += size;
			i += Character.charCount(c);
		}
		return raw.substring(0, i);
	}

	void reject(ExportFile file, Row row, String column, String reason) {
		reject(file, row.rowNumber(), row.lineNumber(), column, reason, raw(row.cells()));
	}

	synchronized long count() {
		return count;
	}

	/** The row as it stood in the file, re-quoted the RFC 4180 way. */
	static String raw(String[] cells) {
		if (plain(cells)) {
			return String.join(",", cells); // what the writer gives when no cell needs quotes, without building one
		}
		StringWriter out = new StringWriter();
		try (CSVWriter line = new CSVWriter(out, ',', '"', '"', "")) {
			line.writeNext(cells, false);
		}
		catch (IOException e) {
			return String.join(",", cells);
		}
		return out.toString();
	}

	/** No cell holds what makes the CSV writer quote it: separator, quote (its escape too), line break. */
	private static boolean plain(String[] cells) {
		for (String cell : cells) {
			if (cell == null) {
				return false;
			}
			for (int i = 0; i < cell.length(); i++) {
				char c = cell.charAt(i);
				if (c == ',' || c == '"' || c == '\n' || c == '\r') {
					return false;
				}
			}
		}
		return true;
	}

	@Override
	public synchronized void close() throws IOException {
		if (unlisted > 0) {
			long mb = Math.max(1, maxBytes >> 20);
			csv.writeNext(new String[] { "*", "", "", "", "拒绝明细已达 %d MB 上限，其后 %d 行未列出（各文件的拒绝行数仍计入加载记录）/ the report reached its limit of %d MB: %d more rejected rows are not listed (the load's record counts them)"
				.formatted(mb, unlisted, mb, unlisted), "", "" }, false);
		}
		csv.close();
	}

	/** Counts the bytes that pass. */
	private static final class Counted extends FilterOutputStream {

		private long count;

		Counted(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}
	}

}

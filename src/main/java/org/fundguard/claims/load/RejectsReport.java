package org.fundguard.claims.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.opencsv.CSVWriter;

/**
 * Every row that did not load, with the file, its row number (the header is row 1), the physical line it
 * starts on, the column, the reason and the raw row, written as the load goes so that nothing waits in memory.
 */
final class RejectsReport implements Closeable {

	static final String[] HEADER = { "file", "row", "line", "column", "reason", "raw" };

	private final CSVWriter csv;
	private long count;

	RejectsReport(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		writer.write('\uFEFF'); // so that Excel, which bureau staff open it with, reads it as UTF-8
		this.csv = new CSVWriter(writer);
		csv.writeNext(HEADER, false);
	}

	synchronized void reject(ExportFile file, long row, long line, String column, String reason, String raw) {
		csv.writeNext(new String[] { file.fileName(), Long.toString(row), Long.toString(line), column, reason, raw }, false);
		count++;
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
		csv.close();
	}

}

package org.fundguard.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One CSV file of the export: UTF-8 without BOM, LF line ends, a header row, RFC 4180 quoting of any value that
 * holds a comma, quote or line break. Rows are assembled in a reused buffer and counted, so that an invalid row
 * can be reported by its line number (the header is line 1). No value contains a line break, so line numbers and
 * record numbers agree.
 */
final class CsvFile implements Closeable {

	final String name;
	private final Writer out;
	private final StringBuilder row = new StringBuilder(256);
	private boolean first = true;
	private long lines;
	private String lastRow;
	private final boolean keepLast;

	CsvFile(Path dir, String name, boolean keepLast, String... header) throws IOException {
		this.name = name;
		this.keepLast = keepLast;
		this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(name)),
				StandardCharsets.UTF_8), 1 << 16);
		for (String h : header) {
			add(h);
		}
		end();
	}

	CsvFile add(String value) {
		separate();
		if (value != null && !value.isEmpty()) {
			if (needsQuotes(value)) {
				row.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			else {
				row.append(value);
			}
		}
		return this;
	}

	CsvFile money(long cents) {
		separate();
		Money.append(row, cents);
		return this;
	}

	CsvFile quantity(long tenThousandths) {
		separate();
		Money.appendQuantity(row, tenThousandths);
		return this;
	}

	CsvFile number(long n) {
		separate();
		row.append(n);
		return this;
	}

	CsvFile dateTime(ExportPeriod period, int day, int second) {
		separate();
		period.appendDateTime(row, day, second);
		return this;
	}

	/** Ends the row; returns its line number. */
	long end() throws IOException {
		row.append('\n');
		out.append(row);
		if (keepLast) {
			lastRow = row.substring(0, row.length() - 1);
		}
		row.setLength(0);
		first = true;
		return ++lines;
	}

	/** Writes a row given as text (a verbatim repeat); returns its line number. */
	long raw(String text) throws IOException {
		out.append(text).append('\n');
		return ++lines;
	}

	String lastRow() {
		return lastRow;
	}

	long dataRows() {
		return lines - 1;
	}

	private void separate() {
		if (!first) {
			row.append(',');
		}
		first = false;
	}

	private static boolean needsQuotes(String v) {
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}

package org.fundguard.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.util.List;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * The deductions file for the settlement system (docs/recovery-export.md is its contract): a header, then one line per
 * row with money to deduct. Rows are immutable and their ids stable, so exporting a period again writes the same
 * lines and the settlement system, which de-duplicates by row id, deducts nothing twice.
 */
public final class RecoveryExport {

	/** The columns, in order, as the header names them. Changing them changes the documented contract. */
	public static final List<String> COLUMNS = List.of("row_id", "source", "provider_code", "provider_name", "amount",
			"booked_on", "rule_id", "reference", "reason");

	private RecoveryExport() {
	}

	/**
	 * Writes the header and the rows whose amount is above zero: a confirmed signal of a rule that measures no money
	 * stays in the ledger but deducts nothing, so the settlement system never sees it.
	 */
	public static void write(List<RecoveryEntry> entries, Writer out) {
		// RFC 4180 line ends; quotes only where a field needs them (commas, quotes, line breaks in a reason)
		ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\r\n");
		csv.writeNext(COLUMNS.toArray(String[]::new), false);
		for (RecoveryEntry e : entries) {
			if (e.amount().signum() <= 0) {
				continue;
			}
			csv.writeNext(new String[] { e.id(), e.source().name(), e.providerCode(), text(e.providerName()),
					e.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(), e.bookedOn().toString(),
					text(e.ruleId()), text(e.reference()), text(e.reason()) }, false);
		}
		try {
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}

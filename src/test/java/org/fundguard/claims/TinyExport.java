package org.fundguard.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A small, valid export that a test can spoil one cell at a time. Keys carry a per-test prefix so that tests
 * sharing one Elasticsearch do not overwrite each other's documents.
 */
public final class TinyExport {

	static final String P1_ID_NUMBER = IdNumber.of("370303", LocalDate.of(1958, 3, 14), 121);

	private final Map<String, List<String>> headers = new LinkedHashMap<>();
	private final Map<String, List<String[]>> rows = new LinkedHashMap<>();
	private boolean byteOrderMark;
	private String lineEnd = "\n";
	private boolean reverseColumns;

	public TinyExport(String prefix) {
		String p = prefix;
		String id1 = P1_ID_NUMBER;
		String id2 = IdNumber.of("370302", LocalDate.of(1990, 7, 2), 242);
		table("providers.csv", "provider_code,provider_name,provider_type,region,level,agreement_status,agreement_start",
				row("H37030300011", "淄博市第一医院", "hospital", "370303", "3", "active", "2019-01-01"),
				row("P37030200007", "张店仁和大药房", "pharmacy", "370302", "", "active", ""));
		table("items.csv", "item_code,item_name,item_type,price_ceiling,max_qty_per_visit,restrict_diag,tags,requires_tag",
				row("001104000010000", "血液透析", "service", "410.00", "1", "N18;N17", "dialysis", ""),
				row("XA10BAA001A001010100001", "二甲双胍片", "drug", "0.50", "", "", "", ""),
				row("C0201010010000000000", "冠状动脉支架", "consumable", "800.00", "3", "", "hvmc", "proc:pci"));
		table("persons.csv",
				"person_id,id_number,name,gender,birth_date,insured_region,insurance_type,enroll_date,end_date,death_date,assisted",
				row(p + "P1", id1, "王建国", "1", "1958-03-14", "370300", "310", "2010-01-01", "", "", "0"),
				row(p + "P2", id2, "李秀英", "2", "1990-07-02", "370300", "390", "2015-06-01", "", "", "1"));
		table("settlements.csv",
				"settlement_id,person_id,provider_code,medical_region,insured_region,med_type,visit_start,visit_end,settle_time,"
						+ "diag_code,diag_name,dept_name,doctor_code,total_amount,fund_paid,self_paid",
				row(p + "S1", p + "P1", "H37030300011", "370300", "370300", "14", "2026-03-02", "2026-03-02",
						"2026-03-02 11:20:00", "N18.500", "慢性肾脏病5期", "肾内科", "D001", "410.00", "369.00", "41.00"),
				row(p + "S2", p + "P2", "P37030200007", "370302", "370300", "41", "2026-03-05", "2026-03-05",
						"2026-03-05 09:00:00", "E11.900", "2型糖尿病", "", "", "15.00", "0.00", "15.00"));
		table("fee_items.csv", "settlement_id,line_no,item_time,item_code,item_name,quantity,unit_price,amount",
				row(p + "S1", "1", "2026-03-02 08:30:00", "001104000010000", "血液透析", "1", "410.00", "410.00"),
				row(p + "S2", "1", "2026-03-05 09:00:00", "XA10BAA001A001010100001", "二甲双胍片", "20", "0.50", "10.00"),
				row(p + "S2", "2", "2026-03-05 09:00:00", "XA10BAA001A001010100001", "二甲双胍片", "10", "0.50", "5.00"));
		table("inspectors.csv", "inspector_id,name,unit,region,certificate_no,active,conflicts",
				row(p + "I1", "赵刚", "淄博市医疗保障局基金监管科", "370300", "37030020260001", "1", "H37030300011"));
		table("fund_ledger.csv", "region,insurance_type,month,income,opening_balance",
				row("370300", "310", "2026-03", "1000000.00", "9000000.00"));
	}

	private static String[] row(String... cells) {
		return cells;
	}

	private void table(String file, String header, String[]... data) {
		headers.put(file, new ArrayList<>(Arrays.asList(header.split(","))));
		rows.put(file, new ArrayList<>(Arrays.asList(data)));
	}

	/** Changes one cell of a data row (0-based among data rows). */
	public TinyExport set(String file, int dataRow, String column, String value) {
		rows.get(file).get(dataRow)[headers.get(file).indexOf(column)] = value;
		return this;
	}

	TinyExport add(String file, String... cells) {
		rows.get(file).add(cells);
		return this;
	}

	TinyExport copyRow(String file, int dataRow, UnaryOperator<String[]> change) {
		rows.get(file).add(change.apply(rows.get(file).get(dataRow).clone()));
		return this;
	}

	/** Appends columns, empty in the rows already there (e.g. the optional 1.1 columns of items.csv). */
	TinyExport addColumns(String file, String... columns) {
		int before = headers.get(file).size();
		headers.get(file).addAll(Arrays.asList(columns));
		rows.get(file).replaceAll(r -> {
			String[] wider = Arrays.copyOf(r, before + columns.length);
			Arrays.fill(wider, r.length, wider.length, "");
			return wider;
		});
		return this;
	}

	/** Adds a row given as column → value; the other columns stay empty. */
	TinyExport addRow(String file, Map<String, String> cells) {
		String[] r = new String[headers.get(file).size()];
		Arrays.fill(r, "");
		cells.forEach((column, value) -> r[headers.get(file).indexOf(column)] = value);
		rows.get(file).add(r);
		return this;
	}

	TinyExport dropColumn(String file, String column) {
		int index = headers.get(file).indexOf(column);
		headers.get(file).remove(index);
		rows.get(file).replaceAll(r -> {
			List<String> cells = new ArrayList<>(Arrays.asList(r));
			cells.remove(index);
			return cells.toArray(String[]::new);
		});
		return this;
	}

	TinyExport withoutFile(String file) {
		headers.remove(file);
		rows.remove(file);
		return this;
	}

	/** A BOM, CRLF line ends and the columns in reverse order: all allowed by the contract. */
	TinyExport awkwardlyFormatted() {
		byteOrderMark = true;
		lineEnd = "\r\n";
		reverseColumns = true;
		return this;
	}

	int dataRows(String file) {
		return rows.get(file).size();
	}

	public Path writeTo(Path folder) {
		try {
			Files.createDirectories(folder);
			for (var entry : headers.entrySet()) {
				List<Integer> order = new ArrayList<>();
				for (int i = 0; i < entry.getValue().size(); i++) {
					order.add(i);
				}
				if (reverseColumns) {
					Collections.reverse(order);
				}
				StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
				text.append(line(entry.getValue().toArray(String[]::new), order));
				for (String[] r : rows.get(entry.getKey())) {
					text.append(line(r, order));
				}
				Files.writeString(folder.resolve(entry.getKey()), text, StandardCharsets.UTF_8);
			}
			return folder;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String line(String[] cells, List<Integer> order) {
		List<String> out = new ArrayList<>();
		for (int i : order) {
			if (i >= cells.length) {
				continue; // a short row stays short: tests use it to break the row width
			}
			String c = cells[i];
			boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
			out.add(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
		}
		return String.join(",", out) + lineEnd;
	}
}

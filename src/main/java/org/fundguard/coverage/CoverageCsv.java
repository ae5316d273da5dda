package org.fundguard.coverage;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The coverage list as CSV (docs/coverage-export.md): UTF-8 with a byte-order mark, so that spreadsheet programs
 * read the Chinese names right; comma-separated, CRLF line ends (RFC 4180), a field quoted only when it needs it.
 */
final class CoverageCsv {

	static final List<String> HEADER = List.of("机构编码", "机构名称", "机构类型", "统筹区", "自查自纠", "日常稽核", "抽查",
			"全覆盖", "缺项");

	private CoverageCsv() {
	}

	static void write(CoverageReport report, Writer out) throws IOException {
		out.write('\uFEFF');
		line(out, HEADER);
		for (InstitutionCoverage i : report.institutions()) {
			line(out, List.of(i.code(), i.name(), i.type(), i.region(), yesNo(i.selfInspection()), yesNo(i.routineAudit()),
					yesNo(i.randomInspection()), yesNo(i.fullyCovered()), String.join("、", i.gaps())));
		}
	}

	private static String yesNo(boolean b) {
		return b ? "是" : "否";
	}

	private static void line(Writer out, List<String> fields) throws IOException {
		for (int f = 0; f < fields.size(); f++) {
			if (f > 0) {
				out.write(',');
			}
			String v = fields.get(f) == null ? "" : fields.get(f);
			boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
			out.write(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
		}
		out.write("\r\n");
	}
}

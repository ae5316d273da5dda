package org.fundguard.cases;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.fundguard.record.ChainVerification;
import org.fundguard.record.DailyRoots;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RootProofCommand;
import org.springframework.stereotype.Component;

/**
 * {@code fundguard record verify <caseNumber>|--all}: recomputes the enforcement record's hash chain of one case or
 * of every case and names the first entry that does not match. Exit code 0 when every chain is intact, 1 when one is
 * broken, 2 for a wrong call or an unknown case.
 */
@Component
public class RecordCommand {

	private static final String USAGE = "用法 / usage: record verify <案件编号 caseNumber>|--all\n"
			+ "       record verify --root <日期 day yyyy-MM-dd> [--expect <已公布的根哈希 published root>]\n"
			+ "       record verify --root <证明文件 proof.json> [--expect <已公布的根哈希>]  (离线 / offline)";

	private final EnforcementRecord record;
	private final AuditCases cases;
	private final DailyRoots roots;

	RecordCommand(EnforcementRecord record, AuditCases cases, DailyRoots roots) {
		this.record = record;
		this.cases = cases;
		this.roots = roots;
	}

	/**
	 * {@code verify --root DAY [--expect ROOT]}: the day's root against the records as they are now, and against the
	 * root the checker kept from the public page.
	 */
	private int root(String[] args, PrintStream out) {
		if (RootProofCommand.handles(args)) {
			return RootProofCommand.run(args, out);
		}
		String expected = args.length == 5 && "--expect".equals(args[3]) ? args[4] : null;
		LocalDate day;
		try {
			day = LocalDate.parse(args[2]);
		}
		catch (DateTimeParseException e) {
			out.println("不是日期，也不是证明文件 / neither a day (yyyy-MM-dd) nor a proof file: " + args[2]);
			return 2;
		}
		if ((args.length != 3 && expected == null) || roots.root(day).isEmpty()) {
			out.println(roots.root(day).isEmpty() ? day + " 没有根哈希 / no root for " + day : USAGE);
			return 2;
		}
		List<String> problems = roots.check(day, expected);
		problems.forEach(out::println);
		var root = roots.root(day).orElseThrow();
		out.println(problems.isEmpty()
				? day + " 根哈希 " + root.rootHash() + " 与 " + root.treeSize() + " 个案件的执法记录一致 / the root agrees with every record"
				: day + " 根哈希与执法记录不一致：" + problems.size() + " 处 / the root disagrees with the records in " + problems.size() + " place(s)");
		return problems.isEmpty() ? 0 : 1;
	}

	public int run(String[] args, PrintStream out) {
		if (args.length >= 3 && "verify".equals(args[0]) && "--root".equals(args[1])) {
			return root(args, out);
		}
		if (args.length != 2 || !"verify".equals(args[0])) {
			out.println(USAGE);
			return 2;
		}
		List<Long> ids;
		if ("--all".equals(args[1])) {
			ids = record.caseIds();
		}
		else {
			var c = cases.findByNumber(args[1]);
			if (c.isEmpty()) {
				out.println("案件不存在 / no case " + args[1]);
				return 2;
			}
			ids = List.of(c.get().id());
		}
		int broken = 0;
		for (long id : ids) {
			ChainVerification v = record.verify(id);
			String number = cases.find(id).map(AuditCase::number).orElse("case#" + id);
			if (v.intact()) {
				out.println(number + "  完整 / intact  (" + v.entries() + " 条 entries)");
			}
			else {
				broken++;
				out.println(number + "  已损坏 / BROKEN  第 " + v.firstBadSeq() + " 条 / entry " + v.firstBadSeq() + ": " + v.problem());
			}
		}
		out.println("核验 " + ids.size() + " 个案件，" + broken + " 个损坏 / verified " + ids.size() + " case(s), " + broken + " broken");
		return broken == 0 ? 0 : 1;
	}
}

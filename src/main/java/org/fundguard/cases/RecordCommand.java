package org.fundguard.cases;

import java.io.PrintStream;
import java.util.List;

import org.fundguard.record.ChainVerification;
import org.fundguard.record.EnforcementRecord;
import org.springframework.stereotype.Component;

/**
 * {@code fundguard record verify <caseNumber>|--all}: recomputes the enforcement record's hash chain of one case or
 * of every case and names the first entry that does not match. Exit code 0 when every chain is intact, 1 when one is
 * broken, 2 for a wrong call or an unknown case.
 */
@Component
public class RecordCommand {

	private final EnforcementRecord record;
	private final AuditCases cases;

	RecordCommand(EnforcementRecord record, AuditCases cases) {
		this.record = record;
		this.cases = cases;
	}

	public int run(String[] args, PrintStream out) {
		if (args.length != 2 || !"verify".equals(args[0])) {
			out.println("用法 / usage: record verify <案件编号 caseNumber>|--all");
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

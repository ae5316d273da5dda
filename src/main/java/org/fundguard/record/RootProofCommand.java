package org.fundguard.record;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * {@code fundguard record verify --root proof.json [--expect ROOT]}: checks an inclusion proof offline, from the file
 * alone (no database, no services), as anyone who downloaded it from the public pages can. With {@code --expect}, the
 * root is the one the checker kept from the public page when it was published, not the one in the file. Exit code 0
 * when the proof leads to that root, 1 when it does not, 2 for a wrong call or an unreadable file.
 */
public final class RootProofCommand {

	private RootProofCommand() {
	}

	/** Whether a {@code record} call is this offline check: {@code verify --root <file that exists>}. */
	public static boolean handles(String[] args) {
		return args.length >= 3 && "verify".equals(args[0]) && "--root".equals(args[1]) && Files.isRegularFile(Path.of(args[2]));
	}

	public static int run(String[] args, PrintStream out) {
		String expected = null;
		if (args.length == 5 && "--expect".equals(args[3])) {
			expected = args[4];
		}
		else if (args.length != 3) {
			out.println("用法 / usage: record verify --root <证明文件 proof.json> [--expect <已公布的根哈希 published root>]");
			return 2;
		}
		RootProof proof;
		try {
			proof = new ObjectMapper().registerModule(new JavaTimeModule())
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(Files.readString(Path.of(args[2])), RootProof.class);
		}
		catch (IOException | RuntimeException e) {
			out.println("无法读取证明文件 / cannot read the proof " + args[2] + ": " + e.getMessage());
			return 2;
		}
		if (proof.path() == null || proof.rootHash() == null || proof.headHash() == null || proof.day() == null) {
			out.println("证明文件缺少字段 / the proof lacks day, headHash, path or rootHash: " + args[2]);
			return 2;
		}
		String root = expected == null ? proof.rootHash() : expected;
		if (expected != null && !expected.equalsIgnoreCase(proof.rootHash())) {
			out.println("证明文件中的根哈希与已公布的不符 / the proof's root differs from the published one: " + proof.rootHash()
					+ " ≠ " + expected);
			return 1;
		}
		if (proof.leadsTo(root)) {
			out.println("已包含 / included: 案件 #" + proof.caseId() + " 的执法记录（前 " + proof.length() + " 条，末条哈希 "
					+ proof.headHash() + "）在 " + proof.day() + " 的根哈希 " + root + " 中（共 " + proof.treeSize() + " 个案件）");
			return 0;
		}
		out.println("不包含 / NOT included: 审计路径不能由该记录导出根哈希 " + root + " / the path does not lead to the root");
		return 1;
	}
}

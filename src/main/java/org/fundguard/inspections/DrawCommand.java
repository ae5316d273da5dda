package org.fundguard.inspections;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code fundguard draw verify FILE}: re-runs a published draw from the JSON the public page offers for download,
 * without the server, database or network, and prints whether it matches. Exit code 0 = matches, 1 = does not,
 * 2 = bad arguments or an unreadable file.
 */
public final class DrawCommand {

	static final String USAGE = "用法 / usage: fundguard draw verify <published-inputs.json>";

	private DrawCommand() {
	}

	public static int run(String[] args, PrintStream out) {
		if (args.length != 2 || !args[0].equals("verify")) {
			out.println(USAGE);
			return 2;
		}
		PublishedDraw draw;
		try {
			draw = reader().readValue(Files.readAllBytes(Path.of(args[1])), PublishedDraw.class);
		}
		catch (IOException | RuntimeException e) {
			out.println("无法读取抽取依据文件 / cannot read " + args[1] + ": " + e.getMessage());
			return 2;
		}
		DrawVerification verification = draw.verify();
		if (draw.plan() != null) {
			out.println("计划 / plan: " + draw.plan().name() + "（" + draw.plan().year() + " 年，第 " + draw.plan().attempt() + " 次抽取）");
		}
		if (draw.directory() != null && draw.pool() != null && draw.commitment() != null) {
			out.println("检查对象 " + draw.directory().size() + " 家，检查人员 " + draw.pool().size() + " 名，承诺值 "
					+ draw.commitment().commitment());
		}
		out.println(verification.summary());
		out.println(verification.matches() ? "MATCH" : "MISMATCH");
		return verification.matches() ? 0 : 1;
	}

	static ObjectMapper reader() {
		return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
	}
}

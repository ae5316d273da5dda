package org.fundguard.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code generate}: writes a demo or test export in the interchange format, with injected cases of every
 * monitoring rule listed in ground_truth.csv. See {@link Generator} for what is generated and how.
 * <p>
 * Size and speed, measured with JDK 25 on the 2-core build machine while it ran other builds: {@code --persons 27000
 * --months 24} writes 2.06 million fee lines (3.2 per person-month) and 0.56 million settlements, 297 MB, in 19 s
 * (11 s of CPU); the time grows linearly with persons x months. It runs in a 24 MB heap: memory does not grow with
 * --persons (see {@link Generator}).
 * <p>
 * Usage: {@code generate --out DIR --persons N --months M --seed S [--end YYYY-MM] [--bad-rows RATE]}. Progress goes
 * to stderr, the rows per file to stdout.
 */
public final class GenerateCommand {

	private GenerateCommand() {
	}

	/** {@code ./fundguard generate ...} runs this jar's main class with the app jar's libraries. */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the command; returns the process exit code (0 done, 1 failed, 2 bad arguments). */
	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			out.print(GeneratorOptions.USAGE);
			return 0;
		}
		GeneratorOptions options;
		try {
			options = GeneratorOptions.parse(args);
		}
		catch (IllegalArgumentException e) {
			err.println("generate: " + e.getMessage());
			err.print(GeneratorOptions.USAGE);
			return 2;
		}
		try {
			Generator.Result result = Generator.generate(options, err);
			out.println("wrote " + options.out().toAbsolutePath().normalize());
			for (Map.Entry<String, Long> e : result.rows().entrySet()) {
				out.printf("  %-22s %,12d rows%n", e.getKey(), e.getValue());
			}
			out.printf("  %-22s %,12d injected cases%n", "ground_truth.csv", result.truths());
			if (result.badRows() > 0) {
				out.printf("  %-22s %,12d invalid rows%n", "expected_rejects.csv", result.badRows());
			}
			for (String note : result.notes()) {
				out.println("  note: " + note);
			}
			return 0;
		}
		catch (IOException | RuntimeException e) {
			err.println("generate: failed: " + e);
			return 1;
		}
	}
}

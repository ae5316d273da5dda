package org.fundguard.generator;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The command-line options of {@code generate}, checked. */
record GeneratorOptions(Path out, int persons, int months, long seed, YearMonth end, double badRowRate) {

	static final YearMonth DEFAULT_END = YearMonth.of(2026, 10);

	static final String USAGE = """
			usage: generate --out DIR --persons N --months M --seed S [--end YYYY-MM] [--bad-rows RATE]
			  --out DIR        folder to write the export into (created if missing)
			  --persons N      person records, 1 to 20000000
			  --months M       months in the period, 1 to 120, the last one being --end;
			                   the fund rules need 13 or more
			  --seed S         any integer; the same options give a byte-identical export
			  --end YYYY-MM    last month of the period (default 2026-10)
			  --bad-rows RATE  share of extra invalid rows, 0 to 0.2 (default 0), listed in expected_rejects.csv
			""";

	static GeneratorOptions parse(String[] args) {
		Path out = null;
		Integer persons = null;
		Integer months = null;
		Long seed = null;
		YearMonth end = DEFAULT_END;
		double bad = 0;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			String value = args[++i];
			switch (option) {
				case "--out" -> out = Path.of(value);
				case "--persons" -> persons = number(option, value, 1, 20_000_000);
				case "--months" -> months = number(option, value, 1, 120);
				case "--seed" -> seed = seed(value);
				case "--end" -> end = month(value);
				case "--bad-rows" -> bad = rate(value);
				default -> throw new IllegalArgumentException("unknown option " + option);
			}
		}
		if (out == null || persons == null || months == null || seed == null) {
			throw new IllegalArgumentException("--out, --persons, --months and --seed are required");
		}
		return new GeneratorOptions(out, persons, months, seed, end, bad);
	}

	private static int number(String option, String value, int min, int max) {
		try {
			int n = Integer.parseInt(value);
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max + ": " + value);
	}

	private static long seed(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--seed must be an integer: " + value);
		}
	}

	private static YearMonth month(String value) {
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("--end must be YYYY-MM: " + value);
		}
	}

	private static double rate(String value) {
		try {
			double r = Double.parseDouble(value);
			if (r >= 0 && r <= 0.2) {
				return r;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("--bad-rows must be a number from 0 to 0.2: " + value);
	}
}

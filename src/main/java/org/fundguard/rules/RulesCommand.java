package org.fundguard.rules;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.rules.RunRecord.RuleResult;
import org.springframework.stereotype.Component;

/**
 * {@code fundguard rules run [--rule ID]... [--from yyyy-MM-dd --to yyyy-MM-dd] [--region PREFIX]...}: runs rules and
 * prints per rule the hits, the time and Elasticsearch's share; exit code 0 when every rule ran, 3 when some failed,
 * 2 for bad arguments. Without a window: the last 12 whole months and this month up to today.
 */
@Component
public class RulesCommand {

	static final String USAGE = "用法 / usage: fundguard rules run [--rule ID]... [--from yyyy-MM-dd --to yyyy-MM-dd] [--region PREFIX]...";

	private final RuleEngine engine;
	private final Clock clock;

	RulesCommand(RuleEngine engine, Clock clock) {
		this.engine = engine;
		this.clock = clock;
	}

	public int run(String[] args, PrintStream out) {
		RunRecord run;
		try {
			run = engine.run(parse(args, LocalDate.now(clock)));
		}
		catch (Refused e) {
			// a window the wrong way round, a rule that does not exist: in both languages, as the rest of the output
			out.println(e.getMessage() + " / " + e.english());
			out.println(USAGE);
			return 2;
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			out.println(e.getMessage());
			out.println(USAGE);
			return 2;
		}
		print(run, out);
		return switch (run.status()) {
			case "COMPLETED" -> 0;
			case "COMPLETED_WITH_FAILURES" -> 3;
			default -> 1;
		};
	}

	static RunRequest parse(String[] args, LocalDate today) {
		if (args.length == 0 || !args[0].equals("run")) {
			throw new IllegalArgumentException("unknown or missing subcommand");
		}
		List<String> rules = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		LocalDate from = null;
		LocalDate to = null;
		for (int i = 1; i < args.length; i++) {
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(args[i] + " needs a value");
			}
			String value = args[++i];
			switch (args[i - 1]) {
				case "--rule" -> rules.add(value);
				case "--region" -> regions.add(value);
				case "--from" -> from = LocalDate.parse(value);
				case "--to" -> to = LocalDate.parse(value);
				default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
			}
		}
		if (from == null) {
			from = today.withDayOfMonth(1).minusMonths(12);
		}
		if (to == null) {
			to = today;
		}
		return new RunRequest(rules, new Window(from, to), regions, System.getProperty("user.name", "cli"), "CLI");
	}

	static void print(RunRecord run, PrintStream out) {
		out.printf("规则运行 / rule run %s: %s, %s .. %s, regions %s%n", run.id(), run.status(), run.from(), run.to(), run.regions());
		// outside: by Elasticsearch's took; es wait and java: by the time the rule was blocked on its requests
		out.printf("%-24s %-7s %8s %8s %9s %9s %8s %9s %6s%n", "rule", "status", "hits", "exempt", "took ms", "es ms", "outside",
				"es wait", "java");
		long took = 0;
		long es = 0;
		long wait = 0;
		for (RuleResult r : run.results()) {
			out.printf("%-24s %-7s %,8d %,8d %,9d %,9d %7d%% %,9d %5d%%%n", r.ruleId(), r.status(), r.hits(), r.suppressed(),
					r.tookMs(), r.esTookMs(), r.outsidePercent(), r.esWaitMs(), r.outsideWaitPercent());
			if (r.message() != null) {
				out.println("    " + r.message());
			}
			took += r.tookMs();
			es += r.esTookMs();
			wait += r.esWaitMs();
		}
		out.printf("%-24s %-7s %,8d %,8d %,9d %,9d %7d%% %,9d %5d%%%n", "total", "", run.hits(), run.suppressed(), took, es,
				RunRecord.percentOutside(took, es), wait, RunRecord.percentOutside(took, wait));
		out.printf("线索 / leads: %,d%n%s%n", run.leads(), run.message());
	}
}

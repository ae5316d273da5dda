package org.fundguard.rules;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.fundguard.claims.ExportLoads;
import org.fundguard.claims.UnfinishedLoad;
import org.fundguard.errors.Refused;
import org.fundguard.rules.RunRecord.RuleResult;
import org.springframework.stereotype.Component;

/**
 * {@code fundguard rules run [--rule ID]... [--from yyyy-MM-dd --to yyyy-MM-dd] [--region PREFIX]... [--force]}: runs
 * rules and prints per rule the hits, the time and Elasticsearch's share; exit code 0 when every rule ran, 3 when some
 * failed, 2 for bad arguments, 4 when it refused because an export's last load was interrupted or failed (rules over
 * settlements without their fee lines, or lines without their settlements, raise false signals; {@code --force} runs
 * them anyway). Without a window: the last 12 whole months and this month up to today.
 */
@Component
public class RulesCommand {

	static final String USAGE = "用法 / usage: fundguard rules run [--rule ID]... [--from yyyy-MM-dd --to yyyy-MM-dd] [--region PREFIX]... [--force]";
	static final String FORCE = "--force";
	static final int REFUSED_HALF_LOADED = 4;
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RuleEngine engine;
	private final ExportLoads loads;
	private final Clock clock;

	RulesCommand(RuleEngine engine, ExportLoads loads, Clock clock) {
		this.engine = engine;
		this.loads = loads;
		this.clock = clock;
	}

	/** How far before its window a rule run reads: FundRules compares each month with the same month a year before. */
	private static final int LOOKBACK_MONTHS = 13;

	public int run(String[] args, PrintStream out) {
		boolean force = Arrays.asList(args).contains(FORCE);
		String[] rest = Arrays.stream(args).filter(a -> !a.equals(FORCE)).toArray(String[]::new);
		RunRecord run;
		try {
			RunRequest request = parse(rest, LocalDate.now(clock));
			// an export whose period is known holds back only the rule runs that read that period: the window and the
			// year before it, which the fund rules compare against (and the stays that began before the window)
			LocalDate reachFrom = request.window().from().minusMonths(LOOKBACK_MONTHS);
			List<UnfinishedLoad> unfinished = loads.unfinished()
				.stream()
				.filter(l -> l.touches(reachFrom, request.window().to()))
				.toList();
			if (!unfinished.isEmpty()) {
				warnHalfLoaded(unfinished, force, out);
				if (!force) {
					return REFUSED_HALF_LOADED;
				}
			}
			run = engine.run(request);
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

	/**
	 * Names each half-loaded export with the period of its settlements; a load that stopped before it had read them all
	 * holds back every period, since its settlements and fee lines may be anywhere.
	 */
	private static void warnHalfLoaded(List<UnfinishedLoad> unfinished, boolean force, PrintStream out) {
		out.println(force ? "警告：以下导出的最近一次加载未完成，数据不完整；已按 --force 照常运行规则，结果可能含虚假疑点"
				: "拒绝运行规则：以下导出的最近一次加载未完成，数据不完整。对缺少明细的结算或缺少结算的明细运行规则会产生虚假疑点。");
		for (UnfinishedLoad load : unfinished) {
			String started = load.startedAt().atZoneSameInstant(Deadlines.BUREAU_ZONE).format(MINUTES);
			String period = load.periodKnown() ? "，导出期间 %s 至 %s / period %s to %s".formatted(load.periodFrom(), load.periodTo(),
					load.periodFrom(), load.periodTo()) : "，导出期间未知（加载在读完结算之前停止）/ period unknown";
			out.printf("  %s：加载 %s（%s 开始）%s%s%n", load.source(), load.loadId(), started, load.statusZh(), period);
		}
		if (force) {
			out.println("warning: the last load of the exports above did not finish; the rules ran anyway (--force) and "
					+ "may raise false signals");
			return;
		}
		out.println("请先重新加载上述目录（./fundguard load 目录）补全数据；确需照常运行，请加 --force。");
		out.println("refused: the last load of the exports above was interrupted or failed; rules over settlements without "
				+ "their fee lines, or lines without their settlements, raise false signals. Load the folder again to "
				+ "complete it, or add --force to run the rules anyway.");
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

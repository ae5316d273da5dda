package org.fundguard.claims;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.fundguard.calendar.Deadlines;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.FileCounts;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;

import org.springframework.stereotype.Component;

/**
 * {@code ./fundguard load DIR}: loads an export folder (or, when DIR holds items.csv alone, imports the catalogue) with a progress bar (rows per second, time left) and
 * ends with the load's record; the exit code is 0 when every row loaded, 3 with rejects, 1 when it failed.
 */
@Component
public class LoadCommand {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ClaimsLoader loader;

	LoadCommand(ClaimsLoader loader) {
		this.loader = loader;
	}

	public int run(String[] args, PrintStream out) {
		if (args.length != 1) {
			out.println("用法 / usage: fundguard load DIR");
			return 2;
		}
		Path folder = Path.of(args[0]);
		for (LoadRecord earlier : loader.interruptedLoadsOf(folder)) {
			String started = earlier.startedAt().atZoneSameInstant(Deadlines.BUREAU_ZONE).format(MINUTES);
			out.printf("注意：此前对该目录的加载 %s（%s 开始）已中断，本次加载将补全、不会重复%n"
					+ "note: the earlier load %s of this folder (started %s) was interrupted; this load completes it, "
					+ "without duplicates%n", earlier.id(), started, earlier.id(), started);
		}
		ProgressBar bar = new ProgressBar(out, System.console() != null);
		LoadRecord record = loader.load(folder, System.getProperty("user.name", "cli"), bar);
		bar.done();
		out.println();
		out.printf("%s / %s %s: %s%n", record.catalogue() ? "医保目录导入" : "加载", record.catalogue() ? "catalogue import" : "load",
				record.id(), record.status());
		out.printf("%-18s %12s %12s %12s%n", "文件 file", "读取 read", "加载 loaded", "拒绝 rejected");
		for (FileCounts f : record.files()) {
			out.printf("%-18s %,12d %,12d %,12d%n", f.file(), f.read(), f.loaded(), f.rejected());
		}
		out.println(record.message());
		if (record.finishedAt() != null) {
			double seconds = java.time.Duration.between(record.startedAt(), record.finishedAt()).toMillis() / 1000.0;
			out.printf("用时 / took %.1f s (%,.0f 行/秒 rows/s)%n", seconds, record.read() / Math.max(seconds, 0.001));
		}
		if (record.rejected() > 0) {
			try {
				loader.saveRejects(record.id()).ifPresent(p -> out.println("拒绝明细 / rejects report: " + p));
			}
			catch (java.io.IOException e) {
				out.println("拒绝明细未能写入本机文件，可在工作台或 API 下载 / the rejects report could not be saved here: " + e
						+ "; download it from the workbench or the API");
			}
		}
		return switch (record.status()) {
			case "COMPLETED" -> 0;
			case "COMPLETED_WITH_REJECTS" -> 3;
			default -> 1;
		};
	}

	/** Redraws one line on a terminal; elsewhere (CI, a log file) prints a line every ten seconds. */
	static final class ProgressBar implements LoadProgress {

		private static final int WIDTH = 30;

		private final PrintStream out;
		private final boolean terminal;
		private final long started = System.nanoTime();
		private long lastPrinted;

		ProgressBar(PrintStream out, boolean terminal) {
			this.out = out;
			this.terminal = terminal;
		}

		@Override
		public void update(String file, long rows, long bytesRead, long totalBytes) {
			long now = System.nanoTime();
			long every = terminal ? 200_000_000L : 10_000_000_000L;
			if (now - lastPrinted < every) {
				return;
			}
			lastPrinted = now;
			out.print((terminal ? "\r" : "") + line(file, rows, bytesRead, totalBytes, now - started) + (terminal ? "" : "\n"));
			out.flush();
		}

		void done() {
			lastPrinted = 0;
		}

		static String line(String file, long rows, long bytesRead, long totalBytes, long elapsedNanos) {
			double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
			int filled = (int) Math.round(fraction * WIDTH);
			double seconds = Math.max(elapsedNanos / 1e9, 0.001);
			long rate = Math.round(rows / seconds);
			String left = fraction <= 0 ? "--:--" : clock(Duration.ofSeconds(Math.round(seconds / fraction - seconds)));
			return "[%s%s] %3d%%  %-16s %,12d 行/rows  %,8d 行/秒 rows/s  剩余/left %s".formatted("#".repeat(filled),
					".".repeat(WIDTH - filled), Math.round(fraction * 100), file, rows, rate, left);
		}

		private static String clock(Duration d) {
			return "%02d:%02d".formatted(d.toMinutes(), d.toSecondsPart());
		}
	}
}

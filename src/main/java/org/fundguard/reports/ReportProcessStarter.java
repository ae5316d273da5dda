package org.fundguard.reports;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the handling process of every stored report that has none yet (an outbox): the portal acknowledges a
 * report as soon as it is stored, and the process follows within a second or two; during a burst of submissions
 * one small batch a round, the rest as soon as the burst has passed. Claiming a report and starting
 * its process happen in one transaction, so with several nodes each report gets exactly one process, and a
 * failure leaves the report to be picked up on the next round.
 */
@Component
class ReportProcessStarter {

	private static final Logger log = LoggerFactory.getLogger(ReportProcessStarter.class);
	private static final int BATCH = 100;
	/** Per round while submissions arrive: the backlog still moves, at a fifth of the pace. */
	private static final int BURST_BATCH = 20;

	private final JdbcClient jdbc;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final TransactionTemplate transaction;
	private final Reports reports;

	ReportProcessStarter(JdbcClient jdbc, RuntimeService runtime, RepositoryService repository,
			TransactionTemplate transaction, Reports reports) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.runtime = runtime;
		this.repository = repository;
		this.transaction = transaction;
	}

	/**
	 * Per node on purpose: each report gets one process through the conditional claim in the transaction that starts
	 * it, whichever node gets there first (a node that selected the same batch waits on the row lock and then finds
	 * it claimed). A ShedLock would add nothing to that, and a node that died holding it would hold every report's
	 * process back until the lock expired; callers (tests, a node catching up) would also find a run skipped.
	 */
	@Scheduled(fixedDelayString = "${fundguard.reports.process-start-interval:1s}", initialDelayString = "5s")
	void startPending() {
		// while reports are still coming in, a small batch per round: a process start costs the application and
		// the database more CPU than the submission itself, and reporters waiting for their receipt go first (a
		// batch of 100 a second was a tenth of the CPU under a burst of submissions); batch after batch as soon
		// as the burst has passed. Deadlines count from receipt, so a later start changes none.
		if (reports.submittedWithin(Duration.ofSeconds(1))) {
			startBatch(BURST_BATCH);
			return;
		}
		while (startBatch(BATCH) == BATCH && !reports.submittedWithin(Duration.ofSeconds(1))) {
			// next batch
		}
	}

	private int startBatch(int size) {
		List<Pending> pending = jdbc.sql("select id, report_number, anonymous from report "
				+ "where process_started = ? order by id fetch first " + size + " rows only")
			.param(false)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.list();
		if (pending.isEmpty()) {
			return 0;
		}
		// the latest version once per batch: starting by key asks the database for it again for every report
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(ReportVariables.KEY)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			log.warn("没有部署举报办理流程 {}，{} 件举报稍后重试 / no process {} deployed, {} report(s) will be retried",
					ReportVariables.KEY, pending.size(), ReportVariables.KEY, pending.size());
			return 0;
		}
		String definition = latest.getId();
		try {
			// the whole batch in one transaction: one commit (one WAL flush) per batch instead of one per report,
			// which under a busy portal took the database and the CPU from the submissions
			transaction.executeWithoutResult(status -> pending.forEach(p -> start(p, definition)));
			return pending.size();
		}
		catch (RuntimeException batchFailed) {
			// one report's failure rolled back the batch: one by one, so that the others still start
			return startOneByOne(pending, definition);
		}
	}

	private int startOneByOne(List<Pending> pending, String definition) {
		int started = 0;
		for (Pending p : pending) {
			try {
				transaction.executeWithoutResult(status -> start(p, definition));
				started++;
			}
			catch (RuntimeException e) {
				log.warn("举报 {} 的办理流程启动失败，稍后重试 / starting its process failed, will retry: {}", p.number(),
						e.toString());
			}
		}
		return started;
	}

	/** Starts at most once: the conditional update claims the report for this node and transaction. */
	void start(Pending p, String definition) {
		int claimed = jdbc.sql("update report set process_started = ? where id = ? and process_started = ?")
			.params(true, p.id(), false)
			.update();
		if (claimed == 1) {
			runtime.startProcessInstanceById(definition, p.number(),
					Map.of(ReportVariables.REPORT_ID, p.id(), ReportVariables.REPORT_NUMBER, p.number(),
							ReportVariables.REAL_NAME, !p.anonymous()));
		}
	}

	record Pending(long id, String number, boolean anonymous) {
	}
}

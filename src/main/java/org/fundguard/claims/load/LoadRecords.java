package org.fundguard.claims.load;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.fundguard.database.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Load records in the database. */
@Repository
class LoadRecords {

	/** A running load writes its heartbeat every few seconds; one silent this long was killed. */
	private static final Duration SILENCE_OF_A_DEAD_LOAD = Duration.ofMinutes(2);

	private final JdbcClient jdbc;
	private final DatabaseKind database;
	private final Clock clock;

	LoadRecords(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.database = new DatabaseKind(dataSource);
		this.clock = clock;
	}

	void start(String id, String source, String requestedBy, String rejectsPath, LoadOwner owner) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				insert into claims_load (id, source, requested_by, status, started_at, heartbeat_at, rejects_path, owner,
				indexing_started) values (?, ?, ?, 'RUNNING', ?, ?, ?, ?, false)""").params(id, source, requestedBy, now, now, rejectsPath, owner.text())
			.update();
		durable();
	}

	/** What the load turned out to be once its folder was read; a load starts as an export. */
	void kind(String id, String kind) {
		jdbc.sql("update claims_load set kind = ? where id = ?").params(kind, id).update();
	}

	/**
	 * The load's files passed their check and it may index from now on. Durable before the first document is sent:
	 * a load killed after it must count as a half-load.
	 */
	void indexingStarts(String id) {
		jdbc.sql("update claims_load set indexing_started = true where id = ?").param(id).update();
		durable();
	}

	/** The period the export's settlements cover, as soon as settlements.csv is read. */
	void period(String id, LocalDate from, LocalDate to) {
		jdbc.sql("update claims_load set period_from = ?, period_to = ? where id = ?").params(from, to, id).update();
	}

	void heartbeat(String id, long rowsRead, long bytesRead, long totalBytes) {
		jdbc.sql("update claims_load set heartbeat_at = ?, rows_read = ?, bytes_read = ?, rows_total_bytes = ? where id = ?")
			.params(OffsetDateTime.now(clock), rowsRead, bytesRead, totalBytes, id)
			.update();
	}

	void finish(String id, String status, String message, List<FileCounts> files) {
		for (FileCounts f : files) {
			jdbc.sql("insert into claims_load_file (load_id, file_name, rows_read, rows_loaded, rows_rejected) values (?, ?, ?, ?, ?)")
				.params(id, f.file(), f.read(), f.loaded(), f.rejected())
				.update();
		}
		jdbc.sql("update claims_load set status = ?, message = ?, finished_at = ?, bytes_read = rows_total_bytes where id = ?")
			.params(status, truncate(message), OffsetDateTime.now(clock), id)
			.update();
		durable();
	}

	/**
	 * H2's file store writes committed rows to disk in the background, up to a second later: a process that owns the
	 * database (the app, or a {@code load} command when the app is down) and dies in that second takes the rows with
	 * it, so a load's record could vanish although its folder and rejects report exist. A checkpoint writes them now.
	 * PostgreSQL's commit is durable already.
	 */
	private void durable() {
		if (database.h2()) {
			jdbc.sql("checkpoint").update();
		}
	}

	/**
	 * Marks the loads that no process runs any more as interrupted, and returns their ids: those whose process is gone
	 * from this host (killed, crashed), and those of any host silent longer than a live load ever is. Running the load
	 * again completes them.
	 */
	List<String> markInterrupted() {
		OffsetDateTime silentSince = OffsetDateTime.now(clock).minus(SILENCE_OF_A_DEAD_LOAD);
		List<String> dead = jdbc.sql("select id, owner, heartbeat_at from claims_load where status = 'RUNNING'")
			.query((rs, n) -> new Running(rs.getString("id"), LoadOwner.parse(rs.getString("owner")),
					rs.getObject("heartbeat_at", OffsetDateTime.class)))
			.list()
			.stream()
			.filter(r -> r.owner().map(LoadOwner::goneFromThisHost).orElse(false) || r.heartbeat().isBefore(silentSince))
			.map(Running::id)
			.toList();
		List<String> marked = new ArrayList<>();
		for (String id : dead) {
			int updated = jdbc.sql("""
					update claims_load set status = 'INTERRUPTED',
					message = '加载中断（进程被终止）；重新加载同一目录即可补全 / interrupted: load the same folder again to complete it'
					where id = ? and status = 'RUNNING'""").param(id).update();
			if (updated == 1) {
				marked.add(id);
			}
		}
		if (!marked.isEmpty()) {
			durable();
		}
		return marked;
	}

	/**
	 * The interrupted loads of a folder since its last complete load, newest first: what a new load of it completes.
	 */
	List<LoadRecord> interruptedSinceLastComplete(String source) {
		List<LoadRecord> out = new ArrayList<>();
		for (LoadRecord load : jdbc.sql("select * from claims_load where source = ? order by started_at desc")
			.param(source)
			.query((rs, n) -> record(rs))
			.list()) {
			if (load.status().startsWith("COMPLETED")) {
				break;
			}
			if (load.status().equals("INTERRUPTED")) {
				out.add(load);
			}
		}
		return out;
	}

	/**
	 * Per export folder, its last load that is not running and got past the check of its files, when that one was
	 * interrupted or failed: the folder is only partly loaded until a later load of it completes. A load running now
	 * does not count, as it may fail too; nor does one refused for a bad file, which indexed nothing and so left the
	 * indices as the load before it left them.
	 */
	List<Unfinished> unfinishedExports() {
		return jdbc.sql("""
				select * from claims_load l where l.status in ('INTERRUPTED', 'FAILED') and l.indexing_started
				and not exists (select 1 from claims_load later where later.source = l.source and later.status <> 'RUNNING'
				and later.indexing_started and later.started_at > l.started_at) order by l.started_at desc""")
			.query((rs, n) -> new Unfinished(record(rs), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class)))
			.list();
	}

	/** A half-loaded export's last load, with the period of its settlements when the load got that far (else nulls). */
	record Unfinished(LoadRecord load, LocalDate from, LocalDate to) {
	}

	private record Running(String id, Optional<LoadOwner> owner, OffsetDateTime heartbeat) {
	}

	List<LoadRecord> latest(int limit) {
		return jdbc.sql("select * from claims_load order by started_at desc fetch first " + limit + " rows only")
			.query((rs, n) -> record(rs))
			.list();
	}

	Optional<LoadRecord> find(String id) {
		return jdbc.sql("select * from claims_load where id = ?").param(id).query((rs, n) -> record(rs)).optional();
	}

	Optional<String> rejectsPath(String id) {
		return jdbc.sql("select rejects_path from claims_load where id = ?").param(id).query(String.class).optional();
	}

	private LoadRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
		String id = rs.getString("id");
		List<FileCounts> files = jdbc.sql("""
				select file_name, rows_read, rows_loaded, rows_rejected from claims_load_file where load_id = ?
				order by file_name""").param(id)
			.query((f, n) -> new FileCounts(f.getString(1), f.getLong(2), f.getLong(3), f.getLong(4)))
			.list();
		return new LoadRecord(id, rs.getString("source"), rs.getString("requested_by"), rs.getString("status"),
				rs.getString("message"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getLong("rows_read"), rs.getLong("bytes_read"),
				rs.getLong("rows_total_bytes"), files, rs.getString("kind"));
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + "…";
	}
}

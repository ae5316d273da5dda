package org.fundguard.claims.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.fundguard.sealing.SealedStore;
import org.fundguard.sealing.Sealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The loads' rejects reports in table {@code claims_load_rejects} of the database every node shares (issue 21: a
 * report in the data folder of the node that ran the load could not be downloaded from another). A report is kept in
 * pieces of at most {@link #PIECE} bytes, written as the load goes, so that neither the load nor a reader holds more
 * than one piece; each is sealed with its own data key, bound to its load and place, since raw rows hold names and
 * identity numbers.
 */
@Repository
class RejectsStore implements SealedStore<RejectsStore.Key> {

	/** Bytes of report one row of the table holds, at most. */
	static final int PIECE = 1 << 20;

	private final JdbcClient jdbc;
	private final Sealer sealer;

	RejectsStore(JdbcClient jdbc, Sealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/** Where a load writes its report: a piece is stored each time one is full, and the last one on close. */
	OutputStream writer(String loadId) {
		return new Pieces(loadId);
	}

	/** The report as stored so far, read one piece at a time; empty when the load has none. */
	Optional<InputStream> read(String loadId) {
		int pieces = jdbc.sql("select count(*) from claims_load_rejects where load_id = ?").param(loadId).query(Integer.class).single();
		if (pieces == 0) {
			return Optional.empty();
		}
		Enumeration<InputStream> each = new Enumeration<>() {
			private int next;

			@Override
			public boolean hasMoreElements() {
				return next < pieces;
			}

			@Override
			public InputStream nextElement() {
				return new ByteArrayInputStream(piece(loadId, next++));
			}
		};
		return Optional.of(new SequenceInputStream(each));
	}

	private byte[] piece(String loadId, int seq) {
		byte[] sealed = jdbc.sql("select sealed from claims_load_rejects where load_id = ? and seq = ?")
			.params(loadId, seq)
			.query((rs, n) -> rs.getBytes(1))
			.single();
		return sealer.open(sealed, context(loadId, seq));
	}

	private void put(String loadId, int seq, byte[] csv) {
		jdbc.sql("insert into claims_load_rejects (load_id, seq, sealed) values (?, ?, ?)")
			.params(loadId, seq, sealer.seal(csv, context(loadId, seq)))
			.update();
	}

	/** A piece's sealed bytes open only at their own place: not under another load, nor moved within the report. */
	private static String context(String loadId, int seq) {
		return "claims_load_rejects:" + loadId + ":" + seq;
	}

	@Override
	public String label() {
		return "加载拒绝明细 / loads' rejects reports";
	}

	/** The pieces are walked by key and read one at a time: all of them at once could be many megabytes. */
	@Override
	public List<Key> envelopes() {
		return jdbc.sql("select load_id, seq from claims_load_rejects order by load_id, seq")
			.query((rs, n) -> new Key(rs.getString(1), rs.getInt(2)))
			.list();
	}

	@Override
	public byte[] read(Key key) {
		return jdbc.sql("select sealed from claims_load_rejects where load_id = ? and seq = ?")
			.params(key.loadId(), key.seq())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	@Override
	public int write(Key key, byte[] rewrapped) {
		return jdbc.sql("update claims_load_rejects set sealed = ? where load_id = ? and seq = ?").params(rewrapped, key.loadId(), key.seq()).update();
	}

	/** One piece of one load's report. */
	record Key(String loadId, int seq) {
	}

	/**
	 * Cuts what is written into pieces of {@link #PIECE} bytes. A flush stores nothing, so that pieces stay full: a node
	 * reading a running load's report sees its full pieces; the last one is stored on close.
	 */
	private final class Pieces extends OutputStream {

		private final String loadId;
		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
		private int seq;
		private boolean closed;

		Pieces(String loadId) {
			this.loadId = loadId;
		}

		@Override
		public void write(int b) {
			buffer.write(b);
			if (buffer.size() >= PIECE) {
				store();
			}
		}

		@Override
		public void write(byte[] b, int off, int len) {
			while (len > 0) {
				int n = Math.min(len, PIECE - buffer.size());
				buffer.write(b, off, n);
				off += n;
				len -= n;
				if (buffer.size() >= PIECE) {
					store();
				}
			}
		}

		@Override
		public void close() {
			if (!closed && (buffer.size() > 0 || seq == 0)) {
				store();
			}
			closed = true;
		}

		private void store() {
			put(loadId, seq++, buffer.toByteArray());
			buffer.reset();
		}
	}
}

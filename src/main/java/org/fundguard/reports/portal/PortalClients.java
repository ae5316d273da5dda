package org.fundguard.reports.portal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.fundguard.reports.Hmac;
import org.fundguard.reports.ReportsProperties;
import org.fundguard.sealing.Sealer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-client rate limits of the portal, counted in the database every node shares (issue 21), so that a client has
 * one allowance however many nodes answer it. A client is known by an HMAC of its address under a random key that
 * lives for one window: the counters never hold an address, and when the window ends the key and the counters are
 * deleted together, so nothing links a later request, or a dump, to an address. The key is stored sealed, so a dump
 * of the database alone cannot test guessed addresses against the counters of the current window. Windows are
 * aligned to the epoch, so every node agrees on which one is current. Behind a reverse proxy every client has the
 * proxy's address; the proxy must then limit per client itself.
 */
@Component
public class PortalClients {

	/** The request attribute under which {@link PortalPrivacy} leaves the client's key for the controllers. */
	public static final String ATTRIBUTE = PortalClients.class.getName() + ".key";

	public enum Kind {
		SUBMISSION, LOOKUP
	}

	private final ReportsProperties.RateLimit limits;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final Sealer sealer;
	private final SecureRandom random = new SecureRandom();
	/** This node's copy of the current window's key: the database is asked once per window, not per request. */
	private final AtomicReference<Window> window = new AtomicReference<>();

	public PortalClients(ReportsProperties properties, Clock clock, JdbcClient jdbc, Sealer sealer) {
		this.limits = properties.portal().rateLimit();
		this.clock = clock;
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/** The client's key in the current window; the address itself goes no further than this method. */
	public String keyOf(String remoteAddress) {
		Window w = current();
		byte[] digest = Hmac.sha256(w.key, String.valueOf(remoteAddress).getBytes(StandardCharsets.UTF_8));
		return w.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
	}

	/** Counts one attempt on every node's behalf; false when the client has used up its allowance for this window. */
	public boolean tryAcquire(Kind kind, String clientKey) {
		if (!limits.enabled()) {
			return true;
		}
		Window w = current();
		int limit = kind == Kind.SUBMISSION ? limits.submissions() : limits.lookups();
		String key = clientKey == null || !clientKey.startsWith(w.id() + ":") ? "shared" : clientKey;
		return increment(w.start, kind, key) <= (key.equals("shared") ? limit * 100 : limit);
	}

	/**
	 * One more attempt, atomically whatever the number of nodes: the update adds to the row; when there is none yet
	 * the insert makes it, and if another node's insert came first the update adds to that one. Then the count, which
	 * may already hold a concurrent attempt: a limit reached a request early, never late. Outside any transaction,
	 * so that a refused insert aborts nothing on PostgreSQL.
	 */
	private int increment(long start, Kind kind, String key) {
		if (addOne(start, kind, key) == 0) {
			try {
				jdbc.sql("insert into portal_rate_count (window_start, kind, client_key, used) values (?, ?, ?, 1)")
					.params(start, kind.name(), key)
					.update();
			}
			catch (DuplicateKeyException anotherNodeFirst) {
				addOne(start, kind, key);
			}
		}
		return jdbc.sql("select used from portal_rate_count where window_start = ? and kind = ? and client_key = ?")
			.params(start, kind.name(), key)
			.query(Integer.class)
			.single();
	}

	private int addOne(long start, Kind kind, String key) {
		return jdbc.sql("update portal_rate_count set used = used + 1 where window_start = ? and kind = ? and client_key = ?")
			.params(start, kind.name(), key)
			.update();
	}

	private Window current() {
		long length = limits.window().toMillis();
		long now = clock.millis();
		long start = now - Math.floorMod(now, length);
		Window w = window.get();
		if (w != null && w.start == start) {
			return w;
		}
		Window fresh = new Window(start, sharedKey(start));
		window.set(fresh);
		return fresh;
	}

	/** The window's key: the first node to need it makes it, every other node reads that one. */
	private byte[] sharedKey(long start) {
		String context = "portal_rate_window:" + start;
		byte[] sealed = stored(start);
		if (sealed == null) {
			byte[] key = new byte[32];
			random.nextBytes(key);
			try {
				jdbc.sql("insert into portal_rate_window (window_start, sealed_key) values (?, ?)")
					.params(start, sealer.seal(key, context))
					.update();
			}
			catch (DuplicateKeyException anotherNodeFirst) {
				// its key is the window's
			}
			sealed = stored(start);
			// the windows before are over: their keys and counters go, on whichever node gets here first
			jdbc.sql("delete from portal_rate_count where window_start < ?").param(start).update();
			jdbc.sql("delete from portal_rate_window where window_start < ?").param(start).update();
		}
		return sealer.open(sealed, context);
	}

	private byte[] stored(long start) {
		return jdbc.sql("select sealed_key from portal_rate_window where window_start = ?")
			.param(start)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	private record Window(long start, byte[] key) {

		String id() {
			return Long.toString(start, 36);
		}
	}
}

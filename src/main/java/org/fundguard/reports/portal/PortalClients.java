package org.fundguard.reports.portal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.fundguard.reports.Hmac;
import org.fundguard.reports.ReportsProperties;

import org.springframework.stereotype.Component;

/**
 * Per-client rate limits of the portal, in memory only. A client is known by an HMAC of its address under a
 * random key that lives for one window: the counters never hold an address, and when the window ends the key and
 * the counters are thrown away together, so nothing links a later request, or a memory dump, to an address.
 * Behind a reverse proxy every client has the proxy's address; the proxy must then limit per client itself.
 */
@Component
public class PortalClients {

	/** The request attribute under which {@link PortalPrivacy} leaves the client's key for the controllers. */
	public static final String ATTRIBUTE = PortalClients.class.getName() + ".key";
	/** More clients than this in one window are counted together: memory stays bounded under a flood. */
	static final int MAX_CLIENTS = 100_000;

	public enum Kind {
		SUBMISSION, LOOKUP
	}

	private final ReportsProperties.RateLimit limits;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final AtomicReference<Window> window = new AtomicReference<>();

	public PortalClients(ReportsProperties properties, Clock clock) {
		this.limits = properties.portal().rateLimit();
		this.clock = clock;
	}

	/** The client's key in the current window; the address itself goes no further than this method. */
	public String keyOf(String remoteAddress) {
		Window w = current();
		byte[] digest = Hmac.sha256(w.key, String.valueOf(remoteAddress).getBytes(StandardCharsets.UTF_8));
		return w.id + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
	}

	/** Counts one attempt; false when the client has used up its allowance for this window. */
	public boolean tryAcquire(Kind kind, String clientKey) {
		if (!limits.enabled()) {
			return true;
		}
		Window w = current();
		int limit = kind == Kind.SUBMISSION ? limits.submissions() : limits.lookups();
		String key = clientKey == null || !clientKey.startsWith(w.id + ":") || w.counts.size() >= MAX_CLIENTS
				? "shared" : clientKey;
		int used = w.counts.computeIfAbsent(kind + key, k -> new AtomicInteger()).incrementAndGet();
		return used <= (key.equals("shared") ? limit * 100 : limit);
	}

	private Window current() {
		long now = clock.millis();
		while (true) {
			Window w = window.get();
			if (w != null && now < w.start + limits.window().toMillis()) {
				return w;
			}
			byte[] key = new byte[32];
			random.nextBytes(key);
			Window fresh = new Window(Long.toString(now, 36), now, key, new ConcurrentHashMap<>());
			if (window.compareAndSet(w, fresh)) {
				return fresh;
			}
		}
	}

	private record Window(String id, long start, byte[] key, ConcurrentHashMap<String, AtomicInteger> counts) {
	}
}

/*
 * Load driver of the whistleblower portal (issue 7): N concurrent clients on loopback, each one a browser session
 * that opens the report form (session cookie, CSRF token, proof-of-work challenge), solves the stamp, and submits
 * an anonymous report with a small photo, again and again for the given time. It prints p50/p90/p99 of the
 * submissions, then checks every acknowledged receipt code against the portal (a code that opens its report
 * proves the report was stored) and prints acknowledged against stored.
 *
 * Run: scripts/portal-load [--clients 50] [--seconds 60] [--warmup 10] [--no-photo], which starts an instance of
 * its own (own data folder and port, the portal's rate limit off) so that the reports stay out of the demo's list,
 * and runs this with the launcher's JDK. With --url U it drives that application instead, which must run with the
 * portal's rate limit off or high (FUNDGUARD_REPORTS_RATE_LIMIT=false), because every client comes from 127.0.0.1.
 * With --verify-url V the receipts are checked on V (another node of a cluster) instead of on U.
 * Java 21+, no dependencies.
 */

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PortalLoad {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" id=\"challenge\" value=\"([^\"]+)\"");
	static final Pattern BITS = Pattern.compile("data-pow-bits=\"(\\d+)\"");
	static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([0-9A-Z-]+)<");
	/** A 1×1 PNG with a tEXt chunk, so the server's metadata stripping is part of every submission. */
	static final byte[] PHOTO = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAAEnRFWHRBdXRob3IAbG9hZC1kcml2ZXKXvucyAAAADElEQVR4nGOQyfYAAAF2ANBH5n13AAAAAElFTkSuQmCC");

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = options(args);
		String base = opts.getOrDefault("url", "http://localhost:8080");
		int clients = Integer.parseInt(opts.getOrDefault("clients", "50"));
		int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
		boolean photo = !opts.containsKey("no-photo");

		int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));

		System.out.printf("门户压测 / portal load: %s, %d clients, %d s after %d s of warm-up, photo %s%n", base, clients,
				seconds, warmup, photo);
		ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
		Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
		// warm-up: the same load, not timed (the JIT compiles the hot paths), its receipts checked like the others
		run(base, clients, warmup, photo, Collections.synchronizedList(new ArrayList<>()),
				Collections.synchronizedList(new ArrayList<>()), codes, failures);
		int warmedUp = codes.size();
		List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
		List<Long> formNanos = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		run(base, clients, seconds, photo, submitNanos, formNanos, codes, failures);
		double elapsed = (System.nanoTime() - started) / 1e9;
		int measured = codes.size() - warmedUp;

		System.out.printf("提交 / submissions acknowledged while measured: %d in %.1f s (%.1f /s); failures: %s%n",
				measured, elapsed, measured / elapsed, failures.isEmpty() ? "none" : new TreeMap<>(failures));
		System.out.println("提交延迟 / submit latency (POST with photo, receipt page back): " + percentiles(submitNanos));
		System.out.println("表单延迟 / form latency (GET, new session, CSRF, challenge):    " + percentiles(formNanos));
		// a cluster (issue 21): the receipts acknowledged by one node checked on another
		verify(opts.getOrDefault("verify-url", base), codes);
	}

	static void run(String base, int clients, int seconds, boolean photo, List<Long> submitNanos, List<Long> formNanos,
			ConcurrentLinkedQueue<String> codes, Map<String, AtomicInteger> failures) throws InterruptedException {
		if (seconds <= 0) {
			return;
		}
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int c = 0; c < clients; c++) {
				pool.submit(() -> {
					try (Client client = new Client(base)) {
						while (System.nanoTime() < end) {
							try {
								long t0 = System.nanoTime();
								Form form = client.openForm();
								formNanos.add(System.nanoTime() - t0);
								String nonce = solve(form.challenge(), form.bits());
								long t1 = System.nanoTime();
								Response r = client.submit(form, nonce, photo);
								long took = System.nanoTime() - t1;
								Matcher m = CODE.matcher(r.body());
								if (r.status() == 200 && m.find()) {
									submitNanos.add(took);
									codes.add(m.group(1));
								}
								else {
									failures.computeIfAbsent("HTTP " + r.status(), k -> new AtomicInteger()).incrementAndGet();
								}
							}
							catch (Exception e) {
								failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
							}
						}
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
		}
	}

	static void verify(String base, ConcurrentLinkedQueue<String> codes) throws InterruptedException {
		System.out.println("核对 / checking every acknowledged receipt code (warm-up included) against the portal at " + base + " …");
		AtomicInteger stored = new AtomicInteger();
		List<String> all = new ArrayList<>(codes);
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 8; i++) {
				int from = i;
				pool.submit(() -> {
					try (Client client = new Client(base)) {
						for (int k = from; k < all.size(); k += 8) {
							try {
								if (client.opens(all.get(k))) {
									stored.incrementAndGet();
								}
							}
							catch (Exception e) {
								// counted as not stored
							}
						}
					}
				});
			}
		}
		System.out.printf("确认 / acknowledged: %d, 已存储 / stored (code opens its report): %d, lost: %d%n", all.size(),
				stored.get(), all.size() - stored.get());
		if (stored.get() != all.size()) {
			System.exit(1);
		}
	}

	static String percentiles(List<Long> nanos) {
		if (nanos.isEmpty()) {
			return "no data";
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(), at(sorted, 0.50),
				at(sorted, 0.90), at(sorted, 0.99), sorted.getLast() / 1e6);
	}

	static double at(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
	}

	static String solve(String challenge, int bits) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (long n = 0;; n++) {
			String nonce = Long.toString(n, 36);
			byte[] h = sha.digest((challenge + ":" + nonce).getBytes(StandardCharsets.US_ASCII));
			int zeros = 0;
			for (byte b : h) {
				if (b == 0) {
					zeros += 8;
					continue;
				}
				zeros += Integer.numberOfLeadingZeros(b & 0xFF) - 24;
				break;
			}
			if (zeros >= bits) {
				return nonce;
			}
		}
	}

	record Form(String csrf, String challenge, int bits) {
	}

	/**
	 * One browser: its own session cookie and one kept-alive HTTP/1.1 connection, nothing else. A blocking socket
	 * instead of java.net.http.HttpClient: 50 HttpClients bring 50 selector threads and an asynchronous pipeline
	 * per request, which cost the driver about a third of the machine's two cores that the server then lacked. It
	 * still speaks plain HTTP as a browser does: the whole response is read, cookies are kept, and a connection the
	 * server closes (Connection: close, or after its keep-alive limit) is opened again.
	 */
	static final class Client implements AutoCloseable {

		final String host;
		final int port;
		final Map<String, String> cookies = new java.util.LinkedHashMap<>();
		java.net.Socket socket;
		java.io.InputStream in;
		java.io.OutputStream out;
		byte[] buffer = new byte[64 * 1024];

		Client(String base) {
			URI uri = URI.create(base);
			this.host = uri.getHost();
			this.port = uri.getPort() < 0 ? 80 : uri.getPort();
		}

		Form openForm() throws Exception {
			String html = send("GET", "/portal/report", null, null).body();
			return new Form(find(CSRF, html), find(CHALLENGE, html), Integer.parseInt(find(BITS, html)));
		}

		Response submit(Form form, String nonce, boolean photo) throws Exception {
			Map<String, String> f = new java.util.LinkedHashMap<>();
			f.put("_csrf", form.csrf());
			f.put("challenge", form.challenge());
			f.put("nonce", nonce);
			f.put("subjectKind", "OTHER_INSTITUTION");
			f.put("subjectName", "压测诊所 " + UUID.randomUUID().toString().substring(0, 8));
			f.put("category", "OVERCHARGING");
			f.put("description", "压测：该诊所对同一检查项目重复收费，并按超过标准的价格结算。");
			f.put("happened", "2026 年 11 月");
			f.put("amount", "1200");
			f.put("identityMode", "anonymous");
			f.put("consent", "true");
			f.put("website", "");
			String boundary = "----portalload" + UUID.randomUUID();
			var body = new ByteArrayOutputStream(2048);
			f.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
					+ "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
			if (photo) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"p.png\"\r\n"
						+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.writeBytes(PHOTO);
				body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send("POST", "/portal/report", "multipart/form-data; boundary=" + boundary, body.toByteArray());
		}

		/** True when the code opens a report (the portal answers with a redirect to the status view). */
		boolean opens(String code) throws Exception {
			String html = send("GET", "/portal/status", null, null).body();
			String form = "_csrf=" + URLEncoder.encode(find(CSRF, html), StandardCharsets.UTF_8) + "&code="
					+ URLEncoder.encode(code, StandardCharsets.UTF_8);
			Response r = send("POST", "/portal/status", "application/x-www-form-urlencoded",
					form.getBytes(StandardCharsets.US_ASCII));
			return r.status() == 302 && r.location().endsWith("/portal/status/view");
		}

		/** One request on the kept-alive connection; a fresh connection when there is none. */
		Response send(String method, String path, String contentType, byte[] body) throws Exception {
			if (socket == null) {
				var fresh = new java.net.Socket();
				try {
					fresh.setTcpNoDelay(true);
					fresh.connect(new java.net.InetSocketAddress(host, port), 10_000);
					fresh.setSoTimeout(60_000);
				}
				catch (java.io.IOException e) {
					fresh.close();
					throw e;
				}
				in = new java.io.BufferedInputStream(fresh.getInputStream(), 16 * 1024);
				out = fresh.getOutputStream();
				socket = fresh;
			}
			StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
				.append(host).append(':').append(port).append("\r\n");
			if (!cookies.isEmpty()) {
				head.append("Cookie: ");
				cookies.forEach((k, v) -> head.append(k).append('=').append(v).append("; "));
				head.setLength(head.length() - 2);
				head.append("\r\n");
			}
			if (body != null) {
				head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
			if (body == null) {
				out.write(h);
			}
			else {
				byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
				System.arraycopy(body, 0, all, h.length, body.length);
				out.write(all);
			}
			out.flush();
			try {
				return read();
			}
			catch (Exception e) {
				close();
				throw e;
			}
		}

		private Response read() throws java.io.IOException {
			String status = line();
			if (status == null) {
				throw new java.io.EOFException("connection closed before a response");
			}
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean closing = false;
			String location = "";
			for (String line = line(); line != null && !line.isEmpty(); line = line()) {
				int colon = line.indexOf(':');
				String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
				String value = line.substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
					case "connection" -> closing = value.equalsIgnoreCase("close");
					case "location" -> location = value;
					case "set-cookie" -> {
						String pair = value.split(";", 2)[0];
						int eq = pair.indexOf('=');
						cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
					}
					default -> {
					}
				}
			}
			int n = 0;
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16); size > 0;
						size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) {
					n = fill(n, size);
					line(); // the CRLF after the chunk
				}
				for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
					// trailers: none expected
				}
			}
			else if (length >= 0) {
				n = fill(0, (int) length);
			}
			else {
				closing = true; // body until the server closes
				for (int r; (r = in.read(grow(n + 8192), n, buffer.length - n)) > 0;) {
					n += r;
				}
			}
			String body = new String(buffer, 0, n, StandardCharsets.UTF_8);
			if (closing) {
				close();
			}
			return new Response(code, location, body);
		}

		private int fill(int n, int count) throws java.io.IOException {
			grow(n + count);
			int end = n + count;
			while (n < end) {
				int r = in.read(buffer, n, end - n);
				if (r < 0) {
					throw new java.io.EOFException("response body cut short");
				}
				n += r;
			}
			return n;
		}

		private byte[] grow(int size) {
			if (buffer.length < size) {
				buffer = java.util.Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
			}
			return buffer;
		}

		/** A header or chunk-size line, without its CRLF; null at the end of the stream. */
		private String line() throws java.io.IOException {
			StringBuilder line = new StringBuilder(64);
			for (int b = in.read(); b >= 0; b = in.read()) {
				if (b == '\n') {
					int end = line.length();
					return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
				}
				line.append((char) b);
			}
			return line.isEmpty() ? null : line.toString();
		}

		@Override
		public void close() {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (java.io.IOException ignored) {
					// closing anyway
				}
				socket = null;
			}
		}
	}

	record Response(int status, String location, String body) {
	}

	static String find(Pattern p, String html) {
		Matcher m = p.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("unexpected page: " + html.substring(0, Math.min(300, html.length())));
		}
		return m.group(1);
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> o = new java.util.HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException(
						"usage: portal-load [--url U] [--verify-url U] [--clients N] [--seconds S] [--warmup S] [--no-photo]");
			}
			String key = args[i].substring(2);
			if (key.equals("no-photo")) {
				o.put(key, "true");
			}
			else {
				o.put(key, args[++i]);
			}
		}
		return o;
	}
}

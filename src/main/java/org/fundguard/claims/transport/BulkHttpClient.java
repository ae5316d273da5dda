package org.fundguard.claims.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;


/**
 * The loader's HTTP/1.1 connection to Elasticsearch for its bulk requests: a request's ready NDJSON body goes out in
 * chunks through one buffer kept with the socket. Rest5Client first copies every request whole into a new array,
 * megabytes per request that then weigh on the loader's young collections; on 2 cores that CPU is taken from
 * Elasticsearch. Plain http only, keep-alive sockets, one per request in flight; answers are small (filter_path) and
 * read whole.
 * <p>
 * Given several nodes, it sends each request to the next one in turn, so that a load's requests are spread over the
 * cluster's coordinating nodes, and a node that refuses the connection is passed over for the next.
 */
public final class BulkHttpClient implements AutoCloseable {

	private final List<Target> targets;
	private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
	private final int connectTimeout;
	private final int socketTimeout;
	private final ExecutorService senders;
	/**
	 * Closes a socket whose request cannot be written within the socket timeout: the timeout bounds reads only,
	 * and a write to a node that stopped answering (host hung, packets dropped) would block until TCP gives up,
	 * a quarter of an hour, with the load standing still and saying nothing.
	 */
	private final ScheduledExecutorService writeDeadlines = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "loader-bulk-write-deadline");
		t.setDaemon(true);
		return t;
	});

	/** One node: its address, the Host header it is sent, and its kept-alive sockets. */
	private record Target(URI uri, String hostHeader, ConcurrentLinkedDeque<Connection> idle) {

		Target(URI url) {
			this(url, url.getHost() + ":" + port(url), new ConcurrentLinkedDeque<>());
		}
	}

	public BulkHttpClient(URI url, Duration connectTimeout, Duration socketTimeout, int concurrentRequests) {
		this(List.of(url), connectTimeout, socketTimeout, concurrentRequests);
	}

	public BulkHttpClient(List<URI> urls, Duration connectTimeout, Duration socketTimeout, int concurrentRequests) {
		if (urls.isEmpty() || !canReach(urls)) {
			throw new IllegalArgumentException("plain http only: " + urls);
		}
		this.targets = urls.stream().map(Target::new).toList();
		this.connectTimeout = (int) connectTimeout.toMillis();
		this.socketTimeout = (int) socketTimeout.toMillis();
		this.senders = Executors.newFixedThreadPool(Math.max(1, concurrentRequests), r -> {
			Thread t = new Thread(r, "loader-bulk-sender");
			t.setDaemon(true);
			return t;
		});
	}

	/** Plain http only; Rest5Client stays in charge of anything else. */
	public static boolean canReach(URI url) {
		return "http".equalsIgnoreCase(url.getScheme());
	}

	/** Every node plain http. */
	public static boolean canReach(List<URI> urls) {
		return urls.stream().allMatch(BulkHttpClient::canReach);
	}

	/** The headers of a bulk request. */
	private static final List<Map.Entry<String, String>> NDJSON = List.of(Map.entry("Content-Type", "application/x-ndjson"),
			Map.entry("Accept", "application/json"));

	/**
	 * POSTs a ready NDJSON body ({@code length} bytes of {@code body}) to {@code /_bulk} with these query parameters, on
	 * one of the sender threads: the answer's bytes, or the failure, an answer with an error status included.
	 */
	public CompletableFuture<byte[]> bulk(Map<String, String> params, byte[] body, int length) {
		return async(() -> {
			Answer answer = send("POST", "/_bulk", params, NDJSON, out -> out.write(body, 0, length));
			if (answer.statusCode() >= 300) {
				throw new StatusException(answer.statusCode(), "Elasticsearch answered the bulk request with status " + answer.statusCode() + ": "
						+ excerpt(answer.bytes()));
			}
			return answer.bytes();
		});
	}

	private static String excerpt(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return text.length() > 500 ? text.substring(0, 500) + "…" : text;
	}

	/** Runs an exchange on one of the sender threads, as many at once as requests may be in flight. */
	private <T> CompletableFuture<T> async(Callable<T> exchange) {
		CompletableFuture<T> result = new CompletableFuture<>();
		senders.execute(() -> {
			try {
				result.complete(exchange.call());
			}
			catch (Throwable t) {
				result.completeExceptionally(t);
			}
		});
		return result;
	}

	/** What follows a request's head; written a second time when a kept-alive socket turns out closed. */
	@FunctionalInterface
	interface Body {
		void writeTo(OutputStream out) throws IOException;
	}

	/**
	 * One request, its body sent in chunks of a buffer kept with the socket, and its whole answer: to the next node in
	 * turn, or, when that one refuses the connection, to the one after it.
	 */
	Answer send(String method, String path, Map<String, String> params, Collection<Map.Entry<String, String>> headers,
			Body body) throws IOException {
		int first = Math.floorMod(turn.getAndIncrement(), targets.size());
		java.net.ConnectException refused = null;
		for (int i = 0; i < targets.size(); i++) {
			Target target = targets.get((first + i) % targets.size());
			try {
				return send(target, head(target, method, path, params, headers), body);
			}
			catch (java.net.ConnectException e) {
				// nothing was sent to a node that refused the connection: the next one takes the request
				if (refused == null) {
					refused = e;
				}
				else {
					refused.addSuppressed(e);
				}
			}
		}
		throw refused;
	}

	private Answer send(Target target, byte[] head, Body body) throws IOException {
		Connection reused = target.idle().pollFirst();
		if (reused != null) {
			try {
				return exchange(reused, head, body);
			}
			catch (StaleConnection e) {
				// the node had closed this kept-alive socket: once more on a new one
			}
		}
		return exchange(open(target), head, body);
	}

	@Override
	public void close() {
		senders.shutdown();
		writeDeadlines.shutdownNow();
		for (Target target : targets) {
			for (Connection c; (c = target.idle().pollFirst()) != null;) {
				c.close();
			}
		}
	}

	private Answer exchange(Connection connection, byte[] head, Body body) throws IOException {
		boolean done = false;
		try {
			// set before the socket is closed: the writer may see the closed socket before the closing task is done
			java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
			ScheduledFuture<?> deadline = socketTimeout <= 0 ? null : writeDeadlines.schedule(() -> {
				timedOut.set(true);
				connection.close();
			}, socketTimeout, TimeUnit.MILLISECONDS);
			try {
				connection.socketOut.write(head);
				body.writeTo(connection.chunks);
				connection.chunks.finish();
			}
			catch (IOException e) {
				if (timedOut.get()) {
					throw new SocketTimeoutException("Elasticsearch took no request data for " + socketTimeout + " ms");
				}
				throw connection.used ? new StaleConnection(e) : e;
			}
			finally {
				if (deadline != null) {
					deadline.cancel(false);
				}
			}
			try {
				connection.status();
			}
			catch (SocketTimeoutException e) {
				throw e;
			}
			catch (IOException e) {
				throw connection.used ? new StaleConnection(e) : e;
			}
			Answer answer = connection.read(connection.target.uri());
			if (answer.keepAlive) {
				connection.target.idle().addFirst(connection);
			}
			else {
				connection.close();
			}
			done = true;
			return answer;
		}
		finally {
			if (!done) {
				connection.close();
			}
		}
	}

	private static byte[] head(Target target, String method, String path, Map<String, String> params,
			Collection<Map.Entry<String, String>> headers) {
		StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path);
		char separator = path.indexOf('?') < 0 ? '?' : '&';
		for (Map.Entry<String, String> p : params.entrySet()) {
			head.append(separator).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		head.append(" HTTP/1.1\r\nHost: ").append(target.hostHeader()).append("\r\n");
		for (Map.Entry<String, String> h : headers) {
			head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
		}
		head.append("Transfer-Encoding: chunked\r\n\r\n");
		return head.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Connection open(Target target) throws IOException {
		Socket socket = new Socket();
		URI uri = target.uri();
		try {
			socket.setTcpNoDelay(true);
			connect(socket, uri);
			socket.setSoTimeout(socketTimeout);
			return new Connection(socket, target);
		}
		catch (IOException e) {
			socket.close();
			throw e;
		}
	}

	/**
	 * Any failure to connect (refused, timed out, no route to a node on another host) is a {@link java.net.ConnectException}:
	 * nothing was sent yet, so the next node may take the request.
	 */
	private void connect(Socket socket, URI uri) throws IOException {
		try {
			socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), connectTimeout);
		}
		catch (java.net.ConnectException e) {
			throw e;
		}
		catch (IOException e) {
			java.net.ConnectException failed = new java.net.ConnectException("cannot connect to " + uri + ": " + e.getMessage());
			failed.initCause(e);
			throw failed;
		}
	}

	private static int port(URI url) {
		return url.getPort() > 0 ? url.getPort() : 80;
	}

	/** An answer with an error status: 429 and 5xx say try again, other statuses are about the request itself. */
	public static final class StatusException extends IOException {

		private final int status;

		public StatusException(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	/** A kept-alive socket failed before any answer: the node had closed it, or is gone (then a new one fails too). */
	private static final class StaleConnection extends IOException {
		StaleConnection(Throwable cause) {
			super(cause);
		}
	}

	private static final class Connection {

		private final Socket socket;
		private final Target target;
		private final OutputStream socketOut;
		private final ChunkedStream chunks;
		private final InputStream in;
		private boolean used;
		private String status;

		Connection(Socket socket, Target target) throws IOException {
			this.socket = socket;
			this.target = target;
			this.socketOut = socket.getOutputStream();
			this.chunks = new ChunkedStream(socketOut);
			this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		}

		/**
		 * Waits for the answer's first line. A kept-alive socket that the node has closed fails here at the latest;
		 * sending the request again is then safe, since every document carries its id.
		 */
		void status() throws IOException {
			status = line();
		}

		Answer read(URI node) throws IOException {
			used = true;
			String[] parts = status.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP answer from Elasticsearch: " + status);
			}
			int code = Integer.parseInt(parts[1]);
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String line = line(); !line.isEmpty(); line = line()) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>(1))
						.add(line.substring(colon + 1).trim());
				}
			}
			byte[] body = body(headers);
			boolean keepAlive = !first(headers, "connection").toLowerCase(Locale.ROOT).contains("close")
					&& parts[0].equals("HTTP/1.1");
			return new Answer(node, code, headers, body, keepAlive);
		}

		private byte[] body(Map<String, List<String>> headers) throws IOException {
			if (first(headers, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				for (int size = chunkSize(); size > 0; size = chunkSize()) {
					body.write(in.readNBytes(size), 0, size);
					line();
				}
				while (!line().isEmpty()) {
					// trailers, none expected
				}
				return body.toByteArray();
			}
			String length = first(headers, "content-length");
			int n = length.isEmpty() ? 0 : Integer.parseInt(length);
			byte[] body = in.readNBytes(n);
			if (body.length < n) {
				throw new EOFException("Elasticsearch closed the connection in the middle of an answer");
			}
			return body;
		}

		private int chunkSize() throws IOException {
			String line = line();
			int semicolon = line.indexOf(';');
			return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new EOFException("Elasticsearch closed the connection");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing is all that is left to do with it
			}
		}
	}

	/**
	 * A request body in HTTP chunks of up to 64 KB, each sent with one write: small pieces (a document's action
	 * line, the line breaks) are gathered first. The size is written as six hex digits, leading zeros allowed.
	 */
	private static final class ChunkedStream extends OutputStream {

		private static final int PREFIX = 8;
		private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
		private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

		private final OutputStream socket;
		private final byte[] buffer = new byte[PREFIX + 64 * 1024 + 2];
		private final int limit = buffer.length - 2;
		private int end = PREFIX;

		ChunkedStream(OutputStream socket) {
			this.socket = socket;
		}

		@Override
		public void write(int b) throws IOException {
			if (end == limit) {
				sendChunk();
			}
			buffer[end++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int offset, int length) throws IOException {
			while (length > 0) {
				if (end == limit) {
					sendChunk();
				}
				int n = Math.min(length, limit - end);
				System.arraycopy(b, offset, buffer, end, n);
				end += n;
				offset += n;
				length -= n;
			}
		}

		/** Sends what is gathered and the last, empty chunk. */
		void finish() throws IOException {
			sendChunk();
			socket.write(LAST);
			socket.flush();
		}

		private void sendChunk() throws IOException {
			int size = end - PREFIX;
			if (size == 0) {
				return;
			}
			for (int i = 5; i >= 0; i--) {
				buffer[i] = HEX[(size >>> (4 * (5 - i))) & 0xF];
			}
			buffer[6] = '\r';
			buffer[7] = '\n';
			buffer[end] = '\r';
			buffer[end + 1] = '\n';
			socket.write(buffer, 0, end + 2);
			end = PREFIX;
		}
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? "" : values.get(0);
	}

	/** An answer, read whole: its status, headers and body. */
	record Answer(URI node, int statusCode, Map<String, List<String>> headerMap, byte[] bytes, boolean keepAlive) {
	}
}

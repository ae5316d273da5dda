package org.fundguard.claims.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.claims.transport.BulkHttpClient;
import org.fundguard.elastic.ElasticsearchUnavailable;

/**
 * Sends documents in bulk requests of at most {@code maxOperations} documents and about {@code maxBytes}, with at most
 * {@code concurrentRequests} in flight, and keeps count of what Elasticsearch accepted. A document it refuses for
 * what it holds becomes a rejected row.
 * <p>
 * A cluster that loses a data node mid-load answers in two ways that say nothing about the documents: the request
 * that was in flight to the node fails as a whole (connection reset, no answer), and for a while items whose primary
 * shard was on it come back 503 (unavailable shards) or 429 (queues full while replicas are promoted). Both are sent
 * again, after a pause, to the next node in turn: the whole request, or only those items, cut out of the request's
 * bytes. Every index operation carries the id made from the row's key, so a document that did arrive the first time is
 * overwritten, not doubled. Only when the cluster keeps failing for {@code retryFor} does the load stop, for a rerun to
 * complete.
 * <p>
 * Each request is written as NDJSON straight into a buffer of its own, reused once answered, and the answer is read
 * with a streaming parser that stops at {@code "errors":false}, the answer of nearly every request. The
 * elasticsearch-java client's way built an operation object, a builder and a BinaryData per document, and decoded every
 * item of every answer into objects; on 2 cores that CPU was taken from Elasticsearch.
 */
final class BulkSink implements AutoCloseable {

	/** Where a document came from, so that a refusal can name the row. */
	record Source(ExportFile file, long row, long line) {
	}

	/** Carries one request's NDJSON body ({@code length} bytes of {@code body}) to Elasticsearch and brings its answer. */
	@FunctionalInterface
	interface Channel {
		CompletableFuture<byte[]> bulk(byte[] body, int length);
	}

	/**
	 * What the answer keeps: Elasticsearch answers each document with a dozen fields the loader never reads; the
	 * status keeps one entry per document, in order, so that a refusal is matched to its row by position.
	 */
	static final String FILTER_PATH = "errors,items.*.status,items.*.error";

	/**
	 * How long a request is tried again: Elasticsearch notices a killed node within seconds, but an item waiting for
	 * its primary may take the bulk timeout (a minute) to come back 503, so this outlasts a couple of those.
	 */
	static final Duration RETRY_FOR = Duration.ofMinutes(3);
	static final Duration FIRST_PAUSE = Duration.ofMillis(250);
	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

	/** One request: its bytes, the row of each document, and where each document's action line starts. */
	private record Batch(byte[] body, int length, List<Source> sources, int[] starts) {
	}

	private static final JsonFactory JSON = new JsonFactory();
	private static final ObjectMapper TREE = new ObjectMapper();
	private static final byte[] ACTION_START = "{\"index\":{\"_index\":".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] ID = ",\"_id\":".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] ACTION_END = "}}\n".getBytes(StandardCharsets.US_ASCII);

	private final Channel channel;
	private final RejectsReport rejects;
	private final String url;
	private final int maxOperations;
	private final long maxBytes;
	private final int concurrentRequests;
	private final Semaphore inFlight;
	/** Request buffers no longer in use: one being filled and one per request in flight is all there ever are. */
	private final BlockingQueue<byte[]> spare;
	private final int bufferSize;
	private final Map<ExportFile, AtomicLong> refused = new EnumMap<>(ExportFile.class);
	/** Each index's name as a JSON string, escaped once: a load writes to a handful of indices. */
	private final Map<String, byte[]> quotedIndices = new java.util.HashMap<>();
	private byte[] body;
	private int length;
	private List<Source> sources = new ArrayList<>();
	private int[] starts;
	private volatile Throwable failure;
	private final Duration firstPause;
	private final long retryForNanos;
	private final AtomicLong retried = new AtomicLong();

	BulkSink(Channel channel, RejectsReport rejects, String url, int maxOperations, long maxBytes, int concurrentRequests) {
		this(channel, rejects, url, maxOperations, maxBytes, concurrentRequests, FIRST_PAUSE, RETRY_FOR);
	}

	BulkSink(Channel channel, RejectsReport rejects, String url, int maxOperations, long maxBytes, int concurrentRequests,
			Duration firstPause, Duration retryFor) {
		this.channel = channel;
		this.firstPause = firstPause;
		this.retryForNanos = retryFor.toNanos();
		this.rejects = rejects;
		this.url = url;
		this.maxOperations = maxOperations;
		this.maxBytes = maxBytes;
		this.concurrentRequests = concurrentRequests;
		this.inFlight = new Semaphore(concurrentRequests);
		this.spare = new ArrayBlockingQueue<>(concurrentRequests + 1);
		// room for a request of maxBytes and the document that takes it past that, most of the time without growing
		this.bufferSize = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 64 * 1024);
		for (ExportFile f : ExportFile.values()) {
			refused.put(f, new AtomicLong());
		}
		this.body = newBuffer();
		this.starts = new int[Math.min(maxOperations, 4096) + 1];
	}

	void index(String index, String id, byte[] document, Source source) {
		action(index, id, document.length);
		put(document);
		added(source);
	}

	/** The same, from a document written in a buffer that its writer uses again, copied here once. */
	void index(String index, String id, JsonDocument document, Source source) {
		action(index, id, document.closedLength());
		length = document.writeTo(body, length);
		added(source);
	}

	/** The document's action line, with room made for the document of {@code documentLength} bytes after it. */
	private void action(String index, String id, int documentLength) {
		failIfFailed();
		byte[] quotedIndex = quotedIndices.computeIfAbsent(index, BulkSink::quoted);
		ensure(ACTION_START.length + quotedIndex.length + ID.length + id.length() * 6 + 2 + ACTION_END.length
				+ documentLength + 1);
		if (sources.size() == starts.length) {
			starts = java.util.Arrays.copyOf(starts, starts.length * 2);
		}
		starts[sources.size()] = length;
		put(ACTION_START);
		put(quotedIndex);
		put(ID);
		length = JsonDocument.string(body, length, id);
		put(ACTION_END);
	}

	private void added(Source source) {
		body[length++] = '\n';
		sources.add(source);
		if (sources.size() >= maxOperations || length >= maxBytes) {
			send();
		}
	}

	long refused(ExportFile file) {
		return refused.get(file).get();
	}

	/** Documents sent again after a node failed or a shard was unavailable (each counted once per resend). */
	long retried() {
		return retried.get();
	}

	/** Sends what is pending and waits for every request to be answered. */
	@Override
	public void close() {
		try {
			if (!sources.isEmpty() && failure == null) {
				send();
			}
		}
		finally {
			// every request answered, resends included, before the caller closes the connection and the report
			inFlight.acquireUninterruptibly(concurrentRequests);
			inFlight.release(concurrentRequests);
		}
		failIfFailed();
	}

	private void send() {
		Batch batch = new Batch(body, length, sources, java.util.Arrays.copyOf(starts, sources.size()));
		inFlight.acquireUninterruptibly();
		body = newBuffer();
		length = 0;
		sources = new ArrayList<>(Math.min(maxOperations, batch.sources().size() + 16));
		// the permit is held until the batch is through, resends included: a failing cluster slows the reader down
		attempt(batch, batch, System.nanoTime(), 0);
		failIfFailed();
	}

	/** Sends {@code batch} (the original request, or the part of it to send again); {@code original} owns the buffer. */
	private void attempt(Batch batch, Batch original, long started, int resends) {
		try {
			channel.bulk(batch.body(), batch.length()).whenComplete((answer, error) -> {
				try {
					if (error != null) {
						Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
						if (worthResending(cause) && resendable(started)) {
							resend(batch, original, started, resends);
						}
						else {
							done(original, cause);
						}
						return;
					}
					List<Integer> again = refusals(answer, batch.sources());
					if (again.isEmpty()) {
						done(original, null);
					}
					else if (resendable(started)) {
						resend(part(batch, again), original, started, resends);
					}
					else {
						done(original, new IOException(again.size() + " documents still refused as unavailable after "
								+ Duration.ofNanos(retryForNanos).toSeconds() + " s of retries"));
					}
				}
				catch (IOException | RuntimeException e) {
					done(original, e);
				}
			});
		}
		catch (RuntimeException e) {
			done(original, e);
		}
	}

	private void resend(Batch batch, Batch original, long started, int resends) {
		retried.addAndGet(batch.sources().size());
		long pause = Math.min(LONGEST_PAUSE.toMillis(), firstPause.toMillis() << Math.min(resends, 16));
		CompletableFuture.runAsync(() -> attempt(batch, original, started, resends + 1),
				CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS));
	}

	private boolean resendable(long started) {
		return failure == null && System.nanoTime() - started < retryForNanos;
	}

	private void done(Batch original, Throwable error) {
		if (error != null && failure == null) {
			failure = error;
		}
		keep(original.body());
		inFlight.release();
	}

	/** The documents at these positions, their action and source lines copied out of the request into one of their own. */
	private static Batch part(Batch batch, List<Integer> positions) {
		int size = 0;
		for (int i : positions) {
			size += end(batch, i) - batch.starts()[i];
		}
		byte[] out = new byte[size];
		List<Source> partSources = new ArrayList<>(positions.size());
		int[] partStarts = new int[positions.size()];
		int at = 0;
		for (int k = 0; k < positions.size(); k++) {
			int i = positions.get(k);
			int from = batch.starts()[i];
			int n = end(batch, i) - from;
			System.arraycopy(batch.body(), from, out, at, n);
			partStarts[k] = at;
			partSources.add(batch.sources().get(i));
			at += n;
		}
		return new Batch(out, size, partSources, partStarts);
	}

	private static int end(Batch batch, int i) {
		return i + 1 < batch.starts().length ? batch.starts()[i + 1] : batch.length();
	}

	/**
	 * A whole request that failed for the cluster's sake: no answer (the node went away mid-request), or an answer
	 * whose status says try again. A 4xx other than 429 is about the request itself and is not sent again.
	 */
	private static boolean worthResending(Throwable error) {
		if (error instanceof BulkHttpClient.StatusException answered) {
			return forTheClustersSake(answered.status());
		}
		return error instanceof IOException || error instanceof ElasticsearchUnavailable;
	}

	/** A status that says nothing about the document: queues full (429) or the cluster's own trouble (5xx). */
	private static boolean forTheClustersSake(int status) {
		return status == 429 || status >= 500;
	}

	/**
	 * The documents Elasticsearch refused for what they hold, as rejected rows; the positions of those refused as
	 * unavailable, to be sent again. An answer without errors is not read past that flag.
	 */
	private List<Integer> refusals(byte[] answer, List<Source> batchSources) throws IOException {
		if (!hasErrors(answer)) {
			return List.of();
		}
		JsonNode items = TREE.readTree(answer).path("items");
		if (items.size() != batchSources.size()) {
			throw new IOException("Elasticsearch answered " + items.size() + " items to a bulk request of "
					+ batchSources.size() + " documents");
		}
		List<Integer> again = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			JsonNode result = item.isObject() && item.size() == 1 ? item.elements().next() : item;
			JsonNode error = result.path("error");
			if (error.isMissingNode() || error.isNull()) {
				continue;
			}
			if (forTheClustersSake(result.path("status").asInt())) {
				again.add(i);
				continue;
			}
			Source source = batchSources.get(i);
			refused.get(source.file()).incrementAndGet();
			String reason = error.isObject() ? error.path("reason").asText(error.toString()) : error.asText();
			rejects.reject(source.file(), source.row(), source.line(), "*", "Elasticsearch refused the document: " + reason,
					"");
		}
		return again;
	}

	/** The answer's top-level {@code errors} flag; an answer without one is no bulk answer. */
	static boolean hasErrors(byte[] answer) throws IOException {
		try (JsonParser parser = JSON.createParser(answer)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IOException("not a bulk answer: " + excerpt(answer));
			}
			for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("errors".equals(name)) {
					return value == JsonToken.VALUE_TRUE;
				}
				parser.skipChildren();
			}
		}
		throw new IOException("a bulk answer without its errors flag: " + excerpt(answer));
	}

	private static String excerpt(byte[] answer) {
		String text = new String(answer, StandardCharsets.UTF_8);
		return text.length() > 500 ? text.substring(0, 500) + "…" : text;
	}

	private static byte[] quoted(String index) {
		byte[] out = new byte[index.length() * 6 + 2];
		return java.util.Arrays.copyOf(out, JsonDocument.string(out, 0, index));
	}

	private byte[] newBuffer() {
		byte[] reused = spare.poll();
		return reused != null ? reused : new byte[bufferSize];
	}

	/** A buffer of the usual size goes back for the next request; one grown for a large document is let go. */
	private void keep(byte[] buffer) {
		if (buffer.length == bufferSize) {
			spare.offer(buffer);
		}
	}

	private void put(byte[] piece) {
		System.arraycopy(piece, 0, body, length, piece.length);
		length += piece.length;
	}

	private void ensure(int more) {
		if (length + more > body.length) {
			// a document larger than the slack left: this request's buffer grows, and is not kept for later ones
			body = java.util.Arrays.copyOf(body, Math.max(body.length + body.length / 2, length + more));
		}
	}

	private void failIfFailed() {
		Throwable failed = failure;
		if (failed instanceof IOException || failed instanceof ElasticsearchUnavailable) {
			throw failed instanceof ElasticsearchUnavailable unavailable ? unavailable : new ElasticsearchUnavailable(url, failed);
		}
		if (failed != null) {
			// not Elasticsearch's (the rejects report's database, a defect): said as what it is
			throw new IllegalStateException("the load's bulk requests stopped: " + failed.getMessage(), failed);
		}
	}
}

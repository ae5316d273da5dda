package org.fundguard.claims.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.elastic.ElasticsearchUnavailable;

/**
 * Sends documents in bulk requests of at most {@code maxOperations} documents and about {@code maxBytes}, with at most
 * {@code concurrentRequests} in flight, and keeps count of what Elasticsearch accepted. A document it refuses becomes
 * a rejected row; a request that fails altogether (node gone) stops the load, which a rerun then completes, because
 * every document id comes from the row's key.
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
	private volatile Throwable failure;

	BulkSink(Channel channel, RejectsReport rejects, String url, int maxOperations, long maxBytes, int concurrentRequests) {
		this.channel = channel;
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
	}

	void index(String index, String id, byte[] document, Source source) {
		failIfFailed();
		byte[] quotedIndex = quotedIndices.computeIfAbsent(index, BulkSink::quoted);
		ensure(ACTION_START.length + quotedIndex.length + ID.length + id.length() * 6 + 2 + ACTION_END.length
				+ document.length + 1);
		put(ACTION_START);
		put(quotedIndex);
		put(ID);
		length = JsonDocument.string(body, length, id);
		put(ACTION_END);
		put(document);
		body[length++] = '\n';
		sources.add(source);
		if (sources.size() >= maxOperations || length >= maxBytes) {
			send();
		}
	}

	long refused(ExportFile file) {
		return refused.get(file).get();
	}

	/** Sends what is pending and waits for every request to be answered. */
	@Override
	public void close() {
		if (!sources.isEmpty() && failure == null) {
			send();
		}
		inFlight.acquireUninterruptibly(concurrentRequests);
		inFlight.release(concurrentRequests);
		failIfFailed();
	}

	private void send() {
		byte[] batch = body;
		int batchLength = length;
		List<Source> batchSources = sources;
		inFlight.acquireUninterruptibly();
		body = newBuffer();
		length = 0;
		sources = new ArrayList<>(Math.min(maxOperations, batchSources.size() + 16));
		try {
			channel.bulk(batch, batchLength).whenComplete((answer, error) -> {
				try {
					if (error != null) {
						failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
					}
					else {
						refusals(answer, batchSources);
					}
				}
				catch (IOException | RuntimeException e) {
					failure = e;
				}
				finally {
					keep(batch);
					inFlight.release();
				}
			});
		}
		catch (RuntimeException e) {
			keep(batch);
			inFlight.release();
			failure = e;
		}
		failIfFailed();
	}

	/** The documents Elasticsearch refused, as rejected rows; an answer without errors is not read past that flag. */
	private void refusals(byte[] answer, List<Source> batchSources) throws IOException {
		if (!hasErrors(answer)) {
			return;
		}
		JsonNode items = TREE.readTree(answer).path("items");
		if (items.size() != batchSources.size()) {
			throw new IOException("Elasticsearch answered " + items.size() + " items to a bulk request of "
					+ batchSources.size() + " documents");
		}
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			JsonNode result = item.isObject() && item.size() == 1 ? item.elements().next() : item;
			JsonNode error = result.path("error");
			if (!error.isMissingNode() && !error.isNull()) {
				Source source = batchSources.get(i);
				refused.get(source.file()).incrementAndGet();
				String reason = error.isObject() ? error.path("reason").asText(error.toString()) : error.asText();
				rejects.reject(source.file(), source.row(), source.line(), "*", "Elasticsearch refused the document: " + reason,
						"");
			}
		}
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
		if (failure != null) {
			throw new ElasticsearchUnavailable(url, failure);
		}
	}
}

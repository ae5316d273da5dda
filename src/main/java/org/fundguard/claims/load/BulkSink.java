package org.fundguard.claims.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.fundguard.claims.load.ExportFile;
import org.fundguard.claims.load.RejectsReport;
import org.fundguard.elastic.ElasticsearchUnavailable;

/**
 * Sends documents in bulk requests of at most {@code maxOperations} documents and about {@code maxBytes}, with at most
 * {@code concurrentRequests} in flight, and keeps count of what Elasticsearch accepted. A document it refuses for
 * what it holds becomes a rejected row.
 * <p>
 * A cluster that loses a data node mid-load answers in two ways that say nothing about the documents: the request
 * that was in flight to the node fails as a whole (connection reset, no answer), and for a while items whose primary
 * shard was on it come back 503 (unavailable shards) or 429 (queues full while replicas are promoted). Both are sent
 * again, after a pause, to the next node in turn: the whole request, or only those items. Every index operation
 * carries the id made from the row's key, so a document that did arrive the first time is overwritten, not doubled.
 * Only when the cluster keeps failing for {@code retryFor} does the load stop, as before, for a rerun to complete.
 * <p>
 * The batching is the loader's own rather than the client's BulkIngester: the BulkIngester (elasticsearch-java
 * 9.2.0) takes each sent operation out of the front of an ArrayList, work quadratic in the operations per request,
 * about a tenth of the loader's CPU with 2 MB requests.
 */
final class BulkSink implements AutoCloseable {

	/** Where a document came from, so that a refusal can name the row. */
	record Source(ExportFile file, long row, long line) {
	}

	/** What an index operation adds to a request beyond its document and id: the action line's braces and names. */
	private static final int ACTION_BYTES = 32;
	/**
	 * How long a request is tried again: Elasticsearch notices a killed node within seconds, but an item waiting for
	 * its primary may take the bulk timeout (a minute) to come back 503, so this outlasts a couple of those.
	 */
	static final Duration RETRY_FOR = Duration.ofMinutes(3);
	static final Duration FIRST_PAUSE = Duration.ofMillis(250);
	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

	private final ElasticsearchAsyncClient client;
	private final RejectsReport rejects;
	private final String url;
	private final int maxOperations;
	private final long maxBytes;
	private final int concurrentRequests;
	private final Semaphore inFlight;
	private final Map<ExportFile, AtomicLong> refused = new EnumMap<>(ExportFile.class);
	private List<BulkOperation> operations = new ArrayList<>();
	private List<Source> sources = new ArrayList<>();
	private long bytes;
	private volatile Throwable failure;
	private final Duration firstPause;
	private final long retryForNanos;
	private final AtomicLong retried = new AtomicLong();

	BulkSink(ElasticsearchClient client, RejectsReport rejects, String url, int maxOperations, long maxBytes,
			int concurrentRequests) {
		this(client, rejects, url, maxOperations, maxBytes, concurrentRequests, FIRST_PAUSE, RETRY_FOR);
	}

	BulkSink(ElasticsearchClient client, RejectsReport rejects, String url, int maxOperations, long maxBytes,
			int concurrentRequests, Duration firstPause, Duration retryFor) {
		this.firstPause = firstPause;
		this.retryForNanos = retryFor.toNanos();
		this.rejects = rejects;
		this.url = url;
		this.maxOperations = maxOperations;
		this.maxBytes = maxBytes;
		this.concurrentRequests = concurrentRequests;
		this.inFlight = new Semaphore(concurrentRequests);
		for (ExportFile f : ExportFile.values()) {
			refused.put(f, new AtomicLong());
		}
		// Elasticsearch answers each document with a dozen fields the loader never reads; asking only for what
		// tells a refusal apart cuts the client's parsing work several times over. The id is not among them:
		// a refusal is matched to its row by position, and _index and status are what the client requires.
		ElasticsearchClient lean = client.withTransportOptions(o -> o.setParameter("filter_path",
				"took,errors,items.*._index,items.*.status,items.*.error"));
		this.client = new ElasticsearchAsyncClient(lean._transport(), lean._transportOptions());
	}

	void index(String index, String id, byte[] document, Source source) {
		failIfFailed();
		BinaryData body = BinaryData.of(document, ContentType.APPLICATION_JSON);
		operations.add(BulkOperation.of(op -> op.index(i -> i.index(index).id(id).document(body))));
		sources.add(source);
		bytes += document.length + id.length() + index.length() + ACTION_BYTES;
		if (operations.size() >= maxOperations || bytes >= maxBytes) {
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
		if (!operations.isEmpty() && failure == null) {
			send();
		}
		inFlight.acquireUninterruptibly(concurrentRequests);
		inFlight.release(concurrentRequests);
		failIfFailed();
	}

	private void send() {
		List<BulkOperation> batch = operations;
		List<Source> batchSources = sources;
		operations = new ArrayList<>(Math.min(maxOperations, batch.size() + 16));
		sources = new ArrayList<>(Math.min(maxOperations, batch.size() + 16));
		bytes = 0;
		inFlight.acquireUninterruptibly();
		// the permit is held until the batch is through, resends included: a failing cluster slows the reader down
		attempt(batch, batchSources, System.nanoTime(), 0);
		failIfFailed();
	}

	private void attempt(List<BulkOperation> batch, List<Source> batchSources, long started, int resends) {
		try {
			client.bulk(BulkRequest.of(b -> b.operations(batch))).whenComplete((response, error) -> {
				try {
					if (error != null) {
						Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
						if (worthResending(cause) && resendable(started)) {
							resend(batch, batchSources, started, resends);
							return;
						}
						done(cause);
						return;
					}
					List<BulkOperation> again = new ArrayList<>();
					List<Source> againSources = new ArrayList<>();
					refusals(response, batch, batchSources, again, againSources);
					if (again.isEmpty()) {
						done(null);
					}
					else if (resendable(started)) {
						resend(again, againSources, started, resends);
					}
					else {
						done(new IOException(again.size() + " documents still refused as unavailable after "
								+ Duration.ofNanos(retryForNanos).toSeconds() + " s of retries"));
					}
				}
				catch (RuntimeException e) {
					done(e);
				}
			});
		}
		catch (RuntimeException e) {
			done(e);
		}
	}

	private void resend(List<BulkOperation> batch, List<Source> batchSources, long started, int resends) {
		retried.addAndGet(batch.size());
		long pause = Math.min(LONGEST_PAUSE.toMillis(), firstPause.toMillis() << Math.min(resends, 16));
		CompletableFuture.runAsync(() -> attempt(batch, batchSources, started, resends + 1),
				CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS));
	}

	private boolean resendable(long started) {
		return failure == null && System.nanoTime() - started < retryForNanos;
	}

	private void done(Throwable error) {
		if (error != null && failure == null) {
			failure = error;
		}
		inFlight.release();
	}

	/**
	 * A whole request that failed for the cluster's sake: no answer (the node went away mid-request), or an answer
	 * whose status says try again. A 4xx other than 429 is about the request itself and is not sent again.
	 */
	private static boolean worthResending(Throwable error) {
		if (error instanceof TransportException t) {
			return t.statusCode() == 429 || t.statusCode() >= 500;
		}
		return error instanceof IOException;
	}

	/** An item refused for the cluster's sake rather than for what the document holds. */
	private static boolean unavailable(int status) {
		return status == 429 || status == 502 || status == 503 || status == 504;
	}

	private void refusals(BulkResponse response, List<BulkOperation> batch, List<Source> batchSources,
			List<BulkOperation> again, List<Source> againSources) {
		if (!response.errors()) {
			return;
		}
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			if (item.error() == null) {
				continue;
			}
			if (unavailable(item.status())) {
				again.add(batch.get(i));
				againSources.add(batchSources.get(i));
				continue;
			}
			Source source = batchSources.get(i);
			refused.get(source.file()).incrementAndGet();
			rejects.reject(source.file(), source.row(), source.line(), "*",
					"Elasticsearch refused the document: " + item.error().reason(), "");
		}
	}

	private void failIfFailed() {
		if (failure != null) {
			throw new ElasticsearchUnavailable(url, failure);
		}
	}
}

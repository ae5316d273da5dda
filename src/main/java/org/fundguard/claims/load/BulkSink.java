package org.fundguard.claims.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.fundguard.claims.load.ExportFile;
import org.fundguard.claims.load.RejectsReport;
import org.fundguard.elastic.ElasticsearchUnavailable;

/**
 * Sends documents in bulk requests of at most {@code maxOperations} documents and about {@code maxBytes}, with at most
 * {@code concurrentRequests} in flight, and keeps count of what Elasticsearch accepted. A document it refuses becomes
 * a rejected row; a request that fails altogether (node gone) stops the load, which a rerun then completes, because
 * every document id comes from the row's key.
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

	BulkSink(ElasticsearchClient client, RejectsReport rejects, String url, int maxOperations, long maxBytes,
			int concurrentRequests) {
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
		BulkRequest request;
		try {
			request = BulkRequest.of(b -> b.operations(batch));
			client.bulk(request).whenComplete((response, error) -> {
				try {
					if (error != null) {
						failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
					}
					else {
						refusals(response, batchSources);
					}
				}
				finally {
					inFlight.release();
				}
			});
		}
		catch (RuntimeException e) {
			inFlight.release();
			failure = e;
		}
		failIfFailed();
	}

	private void refusals(BulkResponse response, List<Source> batchSources) {
		if (!response.errors()) {
			return;
		}
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			if (item.error() != null) {
				Source source = batchSources.get(i);
				refused.get(source.file()).incrementAndGet();
				rejects.reject(source.file(), source.row(), source.line(), "*",
						"Elasticsearch refused the document: " + item.error().reason(), "");
			}
		}
	}

	private void failIfFailed() {
		if (failure != null) {
			throw new ElasticsearchUnavailable(url, failure);
		}
	}
}

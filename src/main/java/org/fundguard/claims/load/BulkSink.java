package org.fundguard.claims.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.fundguard.claims.load.ExportFile;
import org.fundguard.claims.load.RejectsReport;
import org.fundguard.elastic.ElasticsearchUnavailable;

/**
 * Sends documents through the client's BulkIngester and keeps count of what Elasticsearch accepted. A
 * document it refuses becomes a rejected row; a request that fails altogether (node gone) stops the load,
 * which a rerun then completes, because every document id comes from the row's key.
 */
final class BulkSink implements AutoCloseable {

	/** Where a document came from, so that a refusal can name the row. */
	record Source(ExportFile file, long row, long line) {
	}

	private final BulkIngester<Source> ingester;
	private final RejectsReport rejects;
	private final String url;
	private final Map<ExportFile, AtomicLong> refused = new EnumMap<>(ExportFile.class);
	private volatile Throwable failure;

	BulkSink(ElasticsearchClient client, RejectsReport rejects, String url, int maxOperations, long maxBytes,
			int concurrentRequests) {
		this.rejects = rejects;
		this.url = url;
		for (ExportFile f : ExportFile.values()) {
			refused.put(f, new AtomicLong());
		}
		// Elasticsearch answers each document with a dozen fields the loader never reads; asking only for what
		// tells a refusal apart cuts the client's parsing work several times over. The id is not among them:
		// a refusal is matched to its row by position, and _index and status are what the client requires.
		ElasticsearchClient lean = client.withTransportOptions(o -> o.setParameter("filter_path",
				"took,errors,items.*._index,items.*.status,items.*.error"));
		this.ingester = BulkIngester.of(b -> b.client(lean)
			.maxOperations(maxOperations)
			.maxSize(maxBytes)
			.maxConcurrentRequests(concurrentRequests)
			.flushInterval(5, TimeUnit.SECONDS)
			.listener(new Listener()));
	}

	void index(String index, String id, byte[] document, Source source) {
		if (failure != null) {
			throw new ElasticsearchUnavailable(url, failure);
		}
		BinaryData body = BinaryData.of(document, ContentType.APPLICATION_JSON);
		ingester.add(op -> op.index(i -> i.index(index).id(id).document(body)), source);
	}

	long refused(ExportFile file) {
		return refused.get(file).get();
	}

	/** Sends what is pending and waits for every request to be answered. */
	@Override
	public void close() {
		ingester.close();
		if (failure != null) {
			throw new ElasticsearchUnavailable(url, failure);
		}
	}

	private final class Listener implements BulkListener<Source> {

		@Override
		public void beforeBulk(long executionId, BulkRequest request, List<Source> sources) {
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<Source> sources, BulkResponse response) {
			if (!response.errors()) {
				return;
			}
			List<BulkResponseItem> items = response.items();
			for (int i = 0; i < items.size(); i++) {
				BulkResponseItem item = items.get(i);
				if (item.error() != null) {
					Source source = sources.get(i);
					refused.get(source.file()).incrementAndGet();
					rejects.reject(source.file(), source.row(), source.line(), "*",
							"Elasticsearch refused the document: " + item.error().reason(), "");
				}
			}
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<Source> sources, Throwable error) {
			failure = error;
		}
	}
}

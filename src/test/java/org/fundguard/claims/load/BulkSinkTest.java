package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.fundguard.elastic.ElasticsearchUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's bulk requests, against a stand-in channel: the NDJSON Elasticsearch expects whatever characters an id
 * holds, requests cut by count and by size, a refused document a rejected row that names its row, and a failed request
 * the end of the load.
 */
class BulkSinkTest {

	private static final String AWKWARD_ID = "370300#\"7\" \\ 张\t\u0001 😀";

	@TempDir
	Path dir;

	private final List<String> sent = new ArrayList<>();

	@Test
	void documentsGoAsNdjsonWithTheirIndexAndEscapedId() throws IOException {
		try (RejectsReport rejects = new RejectsReport(dir.resolve("rejects.csv"))) {
			BulkSink sink = new BulkSink(answering(body -> "{\"errors\":false,\"items\":[{},{}]}"), rejects, "http://es", 10,
					1 << 20, 2);
			sink.index("c", "1#1", json("{\"a\":1}"), source(2));
			sink.index("c", AWKWARD_ID, json("{\"amount\":\"张\"}"), source(3));
			sink.close();
		}

		assertThat(sent).containsExactly("{\"index\":{\"_index\":\"c\",\"_id\":\"1#1\"}}\n{\"a\":1}\n"
				+ "{\"index\":{\"_index\":\"c\",\"_id\":\"370300#\\\"7\\\" \\\\ 张\\t\\u0001 \\uD83D\\uDE00\"}}\n{\"amount\":\"张\"}\n");
	}

	@Test
	void requestsAreCutByCountAndBySize() throws IOException {
		try (RejectsReport rejects = new RejectsReport(dir.resolve("rejects.csv"))) {
			BulkSink byCount = new BulkSink(answering(body -> "{\"errors\":false}"), rejects, "http://es", 2, 1 << 20, 1);
			for (int i = 0; i < 5; i++) {
				byCount.index("c", "k" + i, json("{}"), source(i + 2));
			}
			byCount.close();
			assertThat(sent).hasSize(3);
			assertThat(sent.get(2)).isEqualTo("{\"index\":{\"_index\":\"c\",\"_id\":\"k4\"}}\n{}\n");

			sent.clear();
			String large = "{\"text\":\"" + "x".repeat(100_000) + "\"}";
			BulkSink bySize = new BulkSink(answering(body -> "{\"errors\":false}"), rejects, "http://es", 1000, 150_000, 1);
			for (int i = 0; i < 4; i++) {
				bySize.index("c", "k" + i, json(large), source(i + 2));
			}
			bySize.close();
			// a request goes once it holds 150,000 bytes or more: two documents each, the large one carried whole
			assertThat(sent).hasSize(2);
			assertThat(sent).allMatch(body -> body.endsWith("\"}\n") && body.split("\n").length == 4);
		}
	}

	@Test
	void aRefusedDocumentIsARejectedRowNamingItsRow() throws IOException {
		Path report = dir.resolve("rejects.csv");
		BulkSink sink;
		try (RejectsReport rejects = new RejectsReport(report)) {
			sink = new BulkSink(answering(body -> "{\"errors\":true,\"items\":[{\"index\":{\"status\":201}},"
					+ "{\"index\":{\"status\":400,\"error\":{\"type\":\"document_parsing_exception\","
					+ "\"reason\":\"failed to parse field [amount]\"}}},{\"index\":{\"status\":201}}]}"), rejects, "http://es", 10,
					1 << 20, 2);
			sink.index("c", "a", json("{}"), new BulkSink.Source(ExportFile.FEE_ITEMS, 2, 2));
			sink.index("c", "b", json("{\"amount\":\"x\"}"), new BulkSink.Source(ExportFile.FEE_ITEMS, 3, 4));
			sink.index("c", "c", json("{}"), new BulkSink.Source(ExportFile.FEE_ITEMS, 4, 5));
			sink.close();
		}

		assertThat(sink.refused(ExportFile.FEE_ITEMS)).isEqualTo(1);
		assertThat(sink.refused(ExportFile.SETTLEMENTS)).isZero();
		String rejected = Files.readString(report);
		assertThat(rejected).contains("fee_items.csv,3,4,*,Elasticsearch refused the document: failed to parse field [amount]");
		assertThat(rejected.lines().count()).isEqualTo(2);
	}

	@Test
	void anAnswerWithErrorsFlagButNoItemsIsAFailureNotASilentLoss() throws IOException {
		try (RejectsReport rejects = new RejectsReport(dir.resolve("rejects.csv"))) {
			BulkSink sink = new BulkSink(answering(body -> "{\"errors\":true}"), rejects, "http://es", 10, 1 << 20, 2);
			sink.index("c", "a", json("{}"), source(2));

			assertThatThrownBy(sink::close).isInstanceOf(ElasticsearchUnavailable.class);
		}
	}

	@Test
	void aFailedRequestStopsTheLoad() throws IOException {
		try (RejectsReport rejects = new RejectsReport(dir.resolve("rejects.csv"))) {
			BulkSink sink = new BulkSink((body, length) -> CompletableFuture.failedFuture(new java.net.ConnectException("refused")),
					rejects, "http://es", 1, 1 << 20, 1);

			assertThatThrownBy(() -> {
				sink.index("c", "a", json("{}"), source(2));
				sink.index("c", "b", json("{}"), source(3));
			}).isInstanceOf(ElasticsearchUnavailable.class).hasRootCauseInstanceOf(java.net.ConnectException.class);
		}
	}

	private BulkSink.Channel answering(Function<String, String> answer) {
		return (body, length) -> {
			String request = new String(body, 0, length, StandardCharsets.UTF_8);
			synchronized (sent) {
				sent.add(request);
			}
			return CompletableFuture.completedFuture(answer.apply(request).getBytes(StandardCharsets.UTF_8));
		};
	}

	private static BulkSink.Source source(long row) {
		return new BulkSink.Source(ExportFile.FEE_ITEMS, row, row);
	}

	private static byte[] json(String document) {
		return document.getBytes(StandardCharsets.UTF_8);
	}
}

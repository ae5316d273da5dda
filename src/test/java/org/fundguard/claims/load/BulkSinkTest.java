package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.fundguard.claims.transport.BulkHttpClient;
import org.fundguard.elastic.ElasticsearchUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's bulk requests, against a stand-in channel: the NDJSON Elasticsearch expects whatever characters an id
 * holds, requests cut by count and by size, a refused document a rejected row that names its row, and a failed request
 * the end of the load; and the sink while a cluster loses a node (issue 21): a request cut off by the dying node and
 * items refused as unavailable are sent again, only those, to the next node, so nothing is lost and (ids from the keys)
 * nothing doubled; a document refused for what it holds is still a rejected row; a cluster that stays unavailable still
 * stops the load.
 */
class BulkSinkTest {

	private static final String AWKWARD_ID = "370300#\"7\" \\ 张\t\u0001 😀";

	@TempDir
	Path dir;

	private final List<String> sent = new ArrayList<>();

	@Test
	void documentsGoAsNdjsonWithTheirIndexAndEscapedId() throws IOException {
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
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
	void aDocumentWrittenInAReusedBufferIsCopiedBeforeTheBufferIsUsedAgain() throws IOException {
		List<CompletableFuture<byte[]>> answers = new ArrayList<>();
		List<String> requests = new ArrayList<>();
		List<byte[]> bodies = new ArrayList<>();
		List<Integer> lengths = new ArrayList<>();
		BulkSink.Channel later = (body, length) -> {
			bodies.add(body);
			lengths.add(length);
			CompletableFuture<byte[]> answer = new CompletableFuture<>();
			answers.add(answer);
			return answer;
		};
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
			BulkSink sink = new BulkSink(later, rejects, "http://es", 1, 1 << 20, 3);
			JsonDocument reused = new JsonDocument(8);
			sink.index("c", "a", reused.clear().text("n", "first"), source(2));
			sink.index("c", "b", reused.clear().text("n", "x".repeat(5000)), source(3)); // the buffer grows
			sink.index("c", "c", reused.clear().text("n", "中"), source(4));
			// every request is still in flight, its bytes in the sink's buffers, when it is read
			for (int i = 0; i < bodies.size(); i++) {
				requests.add(new String(bodies.get(i), 0, lengths.get(i), StandardCharsets.UTF_8));
			}
			answers.forEach(a -> a.complete("{\"errors\":false}".getBytes(StandardCharsets.UTF_8)));
			sink.close();
		}
		assertThat(requests).containsExactly("{\"index\":{\"_index\":\"c\",\"_id\":\"a\"}}\n{\"n\":\"first\"}\n",
				"{\"index\":{\"_index\":\"c\",\"_id\":\"b\"}}\n{\"n\":\"" + "x".repeat(5000) + "\"}\n",
				"{\"index\":{\"_index\":\"c\",\"_id\":\"c\"}}\n{\"n\":\"中\"}\n");
	}

	@Test
	void requestsAreCutByCountAndBySize() throws IOException {
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
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
		try (RejectsReport rejects = report(report)) {
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
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
			BulkSink sink = new BulkSink(answering(body -> "{\"errors\":true}"), rejects, "http://es", 10, 1 << 20, 2);
			sink.index("c", "a", json("{}"), source(2));

			assertThatThrownBy(sink::close).isInstanceOf(ElasticsearchUnavailable.class);
		}
	}

	@Test
	void aRequestThatKeepsFailingStopsTheLoad() throws IOException {
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
			// every node refusing the connection for longer than the sink resends: the load stops
			BulkSink sink = new BulkSink((body, length) -> CompletableFuture.failedFuture(new java.net.ConnectException("refused")),
					rejects, "http://es", 1, 1 << 20, 1, java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(200));

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

	private static RejectsReport report(Path file) throws IOException {
		OutputStream out = Files.newOutputStream(file);
		return new RejectsReport(out, Long.MAX_VALUE);
	}

	private static final Pattern ID = Pattern.compile("\"_id\":\"([^\"]+)\"");
	private static final String OK = "{\"index\":{\"_index\":\"c\",\"status\":201}}";
	private static final String UNAVAILABLE = "{\"index\":{\"_index\":\"c\",\"status\":503,\"error\":{\"type\":"
			+ "\"unavailable_shards_exception\",\"reason\":\"primary shard is not active\"}}}";
	private static final String FAILED_ON_THE_NODE = "{\"index\":{\"_index\":\"c\",\"status\":500,\"error\":{\"type\":"
			+ "\"node_closed_exception\",\"reason\":\"node closed\"}}}";
	private static final String BAD = "{\"index\":{\"_index\":\"c\",\"status\":400,\"error\":{\"type\":"
			+ "\"document_parsing_exception\",\"reason\":\"failed to parse field [amount]\"}}}";

	/** The ids of each bulk request the healthy node received, in order. */
	private final List<List<String>> requests = new CopyOnWriteArrayList<>();
	/** The healthy node's answers, one per request (item statuses in the request's order). */
	private final ConcurrentLinkedQueue<List<String>> answers = new ConcurrentLinkedQueue<>();
	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (AutoCloseable c : closing.reversed()) {
			c.close();
		}
	}

	@Test
	void aRequestCutOffByADyingNodeGoesAgainToTheNextNodeAndEveryDocumentArrivesOnce() throws Exception {
		URI dying = dyingNode();
		answers.add(List.of(OK, OK, OK));
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
			BulkSink sink = sink(rejects, Duration.ofSeconds(20), dying, healthyNode());
			index(sink, "1", "2", "3");
			sink.close();

			assertThat(requests).containsExactly(List.of("1", "2", "3"));
			assertThat(sink.retried()).isEqualTo(3);
			assertThat(rejects.count()).isZero();
		}
	}

	@Test
	void onlyTheItemsRefusedAsUnavailableGoAgainAndADocumentRefusedForItsContentIsRejected() throws Exception {
		answers.add(List.of(OK, UNAVAILABLE, BAD, UNAVAILABLE));
		answers.add(List.of(FAILED_ON_THE_NODE, OK));
		answers.add(List.of(OK));
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
			BulkSink sink = sink(rejects, Duration.ofSeconds(20), healthyNode());
			index(sink, "1", "2", "3", "4");
			sink.close();

			assertThat(requests).containsExactly(List.of("1", "2", "3", "4"), List.of("2", "4"), List.of("2"));
			assertThat(rejects.count()).isEqualTo(1);
			assertThat(sink.refused(ExportFile.FEE_ITEMS)).isEqualTo(1);
		}
		assertThat(Files.readString(dir.resolve("rejects.csv"))).contains("failed to parse field [amount]")
			.doesNotContain("primary shard is not active", "node closed");
	}

	@Test
	void aClusterThatStaysUnavailableStillStopsTheLoadInsteadOfRejectingRows() throws Exception {
		for (int i = 0; i < 1000; i++) {
			answers.add(List.of(UNAVAILABLE));
		}
		try (RejectsReport rejects = report(dir.resolve("rejects.csv"))) {
			BulkSink sink = sink(rejects, Duration.ofMillis(300), healthyNode());
			index(sink, "1");

			assertThatThrownBy(sink::close).isInstanceOf(ElasticsearchUnavailable.class);
			assertThat(requests).hasSizeGreaterThan(1);
			assertThat(rejects.count()).isZero();
		}
	}

	private BulkSink sink(RejectsReport rejects, Duration retryFor, URI... nodes) {
		BulkHttpClient http = new BulkHttpClient(List.of(nodes), Duration.ofSeconds(2), Duration.ofSeconds(5), 2);
		closing.add(http);
		// one request per test's documents: the sink sends when it holds 100
		return new BulkSink((body, length) -> http.bulk(Map.of("filter_path", BulkSink.FILTER_PATH), body, length), rejects,
				nodes[0].toString(), 100, 1 << 20, 2, Duration.ofMillis(10), retryFor);
	}

	private static void index(BulkSink sink, String... ids) {
		for (int i = 0; i < ids.length; i++) {
			sink.index("c", ids[i], "{\"amount\":1}".getBytes(StandardCharsets.UTF_8),
					new BulkSink.Source(ExportFile.FEE_ITEMS, i + 1, i + 2));
		}
	}

	private URI healthyNode() throws IOException {
		HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		node.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			List<String> ids = new ArrayList<>();
			for (Matcher m = ID.matcher(body); m.find();) {
				ids.add(m.group(1));
			}
			requests.add(ids);
			List<String> items = answers.poll();
			boolean errors = items.stream().anyMatch(s -> s.contains("error"));
			byte[] answer = ("{\"took\":1,\"errors\":" + errors + ",\"items\":[" + String.join(",", items) + "]}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		node.start();
		closing.add(() -> node.stop(0));
		return URI.create("http://127.0.0.1:" + node.getAddress().getPort());
	}

	/** A node killed with kill -9 mid-request: it takes the connection and part of the request, then resets it. */
	private URI dyingNode() throws IOException {
		ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
		closing.add(server);
		Thread.ofVirtual().start(() -> {
			while (!server.isClosed()) {
				try (Socket s = server.accept()) {
					s.getInputStream().readNBytes(64);
					s.setSoLinger(true, 0);
				}
				catch (IOException e) {
					return;
				}
			}
		});
		return URI.create("http://127.0.0.1:" + server.getLocalPort());
	}
}

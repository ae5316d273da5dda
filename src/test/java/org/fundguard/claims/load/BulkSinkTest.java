package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.sun.net.httpserver.HttpServer;
import org.fundguard.claims.transport.BulkHttpClient;
import org.fundguard.claims.transport.BulkTransport;
import org.fundguard.elastic.ElasticsearchUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink while a cluster loses a node (issue 21): a request cut off by the dying node and items refused as
 * unavailable are sent again, only those, to the next node, so nothing is lost and (ids from the keys) nothing doubled;
 * a document refused for what it holds is still a rejected row; a cluster that stays unavailable still stops the load.
 */
class BulkSinkTest {

	private static final Pattern ID = Pattern.compile("\"_id\":\"([^\"]+)\"");
	private static final String OK = "{\"index\":{\"_index\":\"c\",\"status\":201}}";
	private static final String UNAVAILABLE = "{\"index\":{\"_index\":\"c\",\"status\":503,\"error\":{\"type\":"
			+ "\"unavailable_shards_exception\",\"reason\":\"primary shard is not active\"}}}";
	private static final String BAD = "{\"index\":{\"_index\":\"c\",\"status\":400,\"error\":{\"type\":"
			+ "\"document_parsing_exception\",\"reason\":\"failed to parse field [amount]\"}}}";

	@TempDir
	Path dir;

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
		try (RejectsReport rejects = new RejectsReport(java.nio.file.Files.newOutputStream(dir.resolve("rejects.csv")), Long.MAX_VALUE)) {
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
		answers.add(List.of(UNAVAILABLE, OK));
		answers.add(List.of(OK));
		try (RejectsReport rejects = new RejectsReport(java.nio.file.Files.newOutputStream(dir.resolve("rejects.csv")), Long.MAX_VALUE)) {
			BulkSink sink = sink(rejects, Duration.ofSeconds(20), healthyNode());
			index(sink, "1", "2", "3", "4");
			sink.close();

			assertThat(requests).containsExactly(List.of("1", "2", "3", "4"), List.of("2", "4"), List.of("2"));
			assertThat(rejects.count()).isEqualTo(1);
			assertThat(sink.refused(ExportFile.FEE_ITEMS)).isEqualTo(1);
		}
		assertThat(Files.readString(dir.resolve("rejects.csv"))).contains("failed to parse field [amount]")
			.doesNotContain("primary shard is not active");
	}

	@Test
	void aClusterThatStaysUnavailableStillStopsTheLoadInsteadOfRejectingRows() throws Exception {
		for (int i = 0; i < 1000; i++) {
			answers.add(List.of(UNAVAILABLE));
		}
		try (RejectsReport rejects = new RejectsReport(java.nio.file.Files.newOutputStream(dir.resolve("rejects.csv")), Long.MAX_VALUE)) {
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
		ElasticsearchClient client = BulkTransport.client(http, new JacksonJsonpMapper());
		// one request per test's documents: the sink sends when it holds 100
		return new BulkSink(client, rejects, nodes[0].toString(), 100, 1 << 20, 2, Duration.ofMillis(10), retryFor);
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

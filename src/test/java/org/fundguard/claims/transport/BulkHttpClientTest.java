package org.fundguard.claims.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loader's own bulk transport against a stand-in node that records what it receives: the request must be the
 * NDJSON the client would have sent, whatever characters the ids hold, and the answer is the client's BulkResponse.
 */
class BulkTransportTest {

	private static final String AWKWARD_ID = "370300#\"7\" \\ 张\t\u0001 😀";

	private final List<String> received = new CopyOnWriteArrayList<>();
	private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
	private HttpServer node;
	private BulkHttpClient http;

	@AfterEach
	void stop() {
		if (http != null) {
			http.close();
		}
		if (node != null) {
			node.stop(0);
		}
	}

	@Test
	void bulkOfIndexOperationsGoesAsNdjsonAndItsAnswerIsDecoded() throws IOException {
		String answer = "{\"took\":3,\"errors\":true,\"items\":[{\"index\":{\"_index\":\"c-000001\",\"status\":201}},"
				+ "{\"index\":{\"_index\":\"c-000001\",\"status\":400,\"error\":{\"type\":\"document_parsing_exception\","
				+ "\"reason\":\"failed to parse field [amount]\"}}}]}";
		ElasticsearchClient client = clientOf(node(200, answer))
			.withTransportOptions(o -> o.setParameter("filter_path", "took,errors,items.*.status"));

		BulkResponse response = client.bulk(b -> b
			.operations(op -> op.index(i -> i.index("c").id("1#1").document(json("{\"a\":1}"))))
			.operations(op -> op.index(i -> i.index("c").id(AWKWARD_ID).document(json("{\"amount\":\"x\"}")))));

		assertThat(received).containsExactly("POST /_bulk?filter_path=took,errors,items.*.status application/x-ndjson",
				"{\"index\":{\"_index\":\"c\",\"_id\":\"1#1\"}}\n{\"a\":1}\n"
						+ "{\"index\":{\"_index\":\"c\",\"_id\":\"370300#\\\"7\\\" \\\\ 张\\u0009\\u0001 😀\"}}\n{\"amount\":\"x\"}\n");
		assertThat(response.errors()).isTrue();
		assertThat(response.items()).hasSize(2);
		assertThat(response.items().get(0).error()).isNull();
		assertThat(response.items().get(1).error().reason()).isEqualTo("failed to parse field [amount]");
	}

	@Test
	void requestsInTurnShareOneKeptAliveConnection() throws IOException {
		ElasticsearchClient client = clientOf(node(200, "{\"took\":1,\"errors\":false,\"items\":[]}"));

		for (int i = 0; i < 3; i++) {
			client.bulk(b -> b.operations(op -> op.index(x -> x.index("c").id("k").document(json("{}")))));
		}

		assertThat(clientPorts).hasSize(3);
		assertThat(clientPorts).as("client ports").containsOnly(clientPorts.get(0));
	}

	@Test
	void aNodeThatAnswersWithAnErrorStatusFailsTheRequestWithThatStatus() throws IOException {
		ElasticsearchClient client = clientOf(node(413, "{\"error\":\"request too large\",\"status\":413}"));

		assertThatThrownBy(() -> client.bulk(b -> b.operations(op -> op.index(i -> i.index("c").id("k").document(json("{}"))))))
			.isInstanceOf(TransportException.class)
			.hasMessageContaining("413");
	}

	@Test
	void aNodeThatIsNotListeningFailsTheRequestWithTheConnectionError() throws IOException {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		http = new BulkHttpClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2), Duration.ofSeconds(5), 2);
		ElasticsearchClient client = BulkTransport.client(http, new JacksonJsonpMapper());

		assertThatThrownBy(() -> client.bulk(b -> b.operations(op -> op.index(i -> i.index("c").id("k").document(json("{}"))))))
			.isInstanceOf(java.net.ConnectException.class);
	}

	@Test
	void aNodeThatStopsReadingFailsTheRequestWithATimeoutInsteadOfHangingTheLoad() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			silent.setReceiveBufferSize(4096);
			// accepts the connection and then never reads: the request's writes fill the socket buffers and block
			Thread acceptor = Thread.ofVirtual().start(() -> {
				try (var accepted = silent.accept()) {
					Thread.sleep(30_000);
				}
				catch (Exception e) {
					// the test is over
				}
			});
			http = new BulkHttpClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(2),
					Duration.ofMillis(500), 1);
			ElasticsearchClient client = BulkTransport.client(http, new JacksonJsonpMapper());
			String big = "{\"text\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";

			assertThatThrownBy(() -> client.bulk(b -> b.operations(op -> op.index(i -> i.index("c").id("k").document(json(big))))))
				.isInstanceOf(java.net.SocketTimeoutException.class);
			acceptor.interrupt();
		}
	}

	@Test
	void requestsGoToTheNodesInTurnAndANodeThatRefusesTheConnectionIsPassedOver() throws IOException {
		List<String> seen = new CopyOnWriteArrayList<>();
		HttpServer second = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		second.createContext("/", exchange -> {
			seen.add("second");
			exchange.getRequestBody().readAllBytes();
			byte[] body = "{\"took\":1,\"errors\":false,\"items\":[]}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		second.start();
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		try {
			URI first = node(200, "{\"took\":1,\"errors\":false,\"items\":[]}");
			URI secondUrl = URI.create("http://127.0.0.1:" + second.getAddress().getPort());
			URI gone = URI.create("http://127.0.0.1:" + closedPort);
			http = new BulkHttpClient(List.of(first, secondUrl, gone), Duration.ofSeconds(2), Duration.ofSeconds(5), 1);
			ElasticsearchClient client = BulkTransport.client(http, new JacksonJsonpMapper());

			for (int i = 0; i < 6; i++) {
				client.bulk(b -> b.operations(op -> op.index(x -> x.index("c").id("k").document(json("{}")))));
			}

			// turns: first, second, gone -> first; twice over
			assertThat(clientPorts).as("requests the first node answered").hasSize(4);
			assertThat(seen).as("requests the second node answered").hasSize(2);
		}
		finally {
			second.stop(0);
		}
	}

	private ElasticsearchClient clientOf(URI url) {
		http = new BulkHttpClient(url, Duration.ofSeconds(2), Duration.ofSeconds(5), 2);
		return BulkTransport.client(http, new JacksonJsonpMapper());
	}

	private URI node(int status, String answer) throws IOException {
		node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		node.createContext("/", exchange -> {
			URI requested = exchange.getRequestURI();
			String uri = requested.getPath() + (requested.getQuery() == null ? "" : "?" + requested.getQuery());
			received.add(exchange.getRequestMethod() + " " + uri + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
			clientPorts.add(exchange.getRemoteAddress().getPort());
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		node.start();
		return URI.create("http://127.0.0.1:" + node.getAddress().getPort());
	}

	private static BinaryData json(String document) {
		return BinaryData.of(document.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
	}
}

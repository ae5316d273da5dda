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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loader's own bulk connection against a stand-in node that records what it receives: the body goes as it is, with
 * its query parameters and the NDJSON content type, and the answer comes back whole, or the failure.
 */
class BulkHttpClientTest {

	private static final byte[] ONE = "{\"index\":{\"_index\":\"c\",\"_id\":\"k\"}}\n{}\n".getBytes(StandardCharsets.UTF_8);

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
	void theBodyGoesAsItIsAndTheAnswerComesBackWhole() throws Exception {
		String answer = "{\"errors\":true,\"items\":[{\"index\":{\"status\":201}},{\"index\":{\"status\":400}}]}";
		http = clientOf(node(200, answer));
		byte[] body = ("{\"index\":{\"_index\":\"c\",\"_id\":\"张\"}}\n{\"a\":1}\n" + "padding that is not sent")
			.getBytes(StandardCharsets.UTF_8);
		int length = body.length - "padding that is not sent".length();

		byte[] got = http.bulk(Map.of("filter_path", "errors,items.*.status"), body, length).get();

		assertThat(received).containsExactly("POST /_bulk?filter_path=errors,items.*.status application/x-ndjson",
				"{\"index\":{\"_index\":\"c\",\"_id\":\"张\"}}\n{\"a\":1}\n");
		assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(answer);
	}

	@Test
	void requestsInTurnShareOneKeptAliveConnection() throws Exception {
		http = clientOf(node(200, "{\"took\":1,\"errors\":false,\"items\":[]}"));

		for (int i = 0; i < 3; i++) {
			http.bulk(Map.of(), ONE, ONE.length).get();
		}

		assertThat(clientPorts).hasSize(3);
		assertThat(clientPorts).as("client ports").containsOnly(clientPorts.get(0));
	}

	@Test
	void aNodeThatAnswersWithAnErrorStatusFailsTheRequestWithThatStatus() throws IOException {
		http = clientOf(node(413, "{\"error\":\"request too large\",\"status\":413}"));

		assertThatThrownBy(() -> http.bulk(Map.of(), ONE, ONE.length).get()).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(IOException.class)
			.hasMessageContaining("413");
	}

	@Test
	void aNodeThatIsNotListeningFailsTheRequestWithTheConnectionError() throws IOException {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		http = new BulkHttpClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2), Duration.ofSeconds(5), 2);

		assertThatThrownBy(() -> http.bulk(Map.of(), ONE, ONE.length).get()).isInstanceOf(ExecutionException.class)
			.cause()
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
			byte[] big = ("{\"index\":{\"_index\":\"c\",\"_id\":\"k\"}}\n{\"text\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}\n")
				.getBytes(StandardCharsets.UTF_8);

			assertThatThrownBy(() -> http.bulk(Map.of(), big, big.length).get()).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(java.net.SocketTimeoutException.class);
			acceptor.interrupt();
		}
	}

	@Test
	void requestsGoToTheNodesInTurnAndANodeThatRefusesTheConnectionIsPassedOver() throws Exception {
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

			for (int i = 0; i < 6; i++) {
				http.bulk(Map.of(), ONE, ONE.length).get();
			}

			// turns: first, second, gone -> first; twice over
			assertThat(clientPorts).as("requests the first node answered").hasSize(4);
			assertThat(seen).as("requests the second node answered").hasSize(2);
		}
		finally {
			second.stop(0);
		}
	}

	private static BulkHttpClient clientOf(URI url) {
		return new BulkHttpClient(url, Duration.ofSeconds(2), Duration.ofSeconds(5), 2);
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
}

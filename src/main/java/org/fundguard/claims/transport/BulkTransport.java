package org.fundguard.claims.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.JsonEndpoint;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.util.BinaryData;
import jakarta.json.stream.JsonParser;

/**
 * The loader's transport for the BulkIngester. A bulk request of plain index operations (an index, an id and a
 * document already in JSON, all the loader sends) is written as NDJSON straight onto the connection: the
 * client would serialise each operation's action line through its own JSON generator and hand over a few
 * buffers per document. The answer is decoded by the client's own deserialiser. Any other request goes the
 * client's usual way, over the same connection.
 */
public final class BulkTransport implements ElasticsearchTransport {

	private static final Map<String, String> NDJSON = Map.of("Content-Type", "application/x-ndjson", "Accept",
			"application/json");
	private static final byte[] ACTION_WITHOUT_INDEX = "{\"index\":{\"_id\":".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] END_ACTION = "}}\n".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final BulkHttpClient http;
	private final ElasticsearchTransportBase usual;
	/** Each index's action line up to its id, written once: a load sends to six indices. */
	private final Map<String, byte[]> actionStarts = new ConcurrentHashMap<>();

	private BulkTransport(BulkHttpClient http, JsonpMapper mapper) {
		this.http = http;
		this.usual = new ElasticsearchTransportBase(http, null, mapper) {
		};
	}

	public static ElasticsearchClient client(BulkHttpClient http, JsonpMapper mapper) {
		return new ElasticsearchClient(new BulkTransport(http, mapper));
	}

	@Override
	public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
			Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
		if (request instanceof BulkRequest bulk && plain(bulk) && endpoint instanceof JsonEndpoint<RequestT, ResponseT, ErrorT> json) {
			return bulk(bulk, request, json, options);
		}
		return usual.performRequest(request, endpoint, options);
	}

	@Override
	public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
			Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
		if (request instanceof BulkRequest bulk && plain(bulk) && endpoint instanceof JsonEndpoint<RequestT, ResponseT, ErrorT> json) {
			return http.async(() -> bulk(bulk, request, json, options));
		}
		return usual.performRequestAsync(request, endpoint, options);
	}

	/** Only index operations with nothing but an index, an id and a ready JSON document. */
	private static boolean plain(BulkRequest bulk) {
		for (BulkOperation op : bulk.operations()) {
			if (!op.isIndex()) {
				return false;
			}
			IndexOperation<?> index = op.index();
			if (!(index.document() instanceof BinaryData) || index.id() == null || index.routing() != null
					|| index.pipeline() != null || index.requireAlias() != null || !index.dynamicTemplates().isEmpty()
					|| index.ifSeqNo() != null || index.ifPrimaryTerm() != null || index.version() != null
					|| index.versionType() != null) {
				return false;
			}
		}
		return true;
	}

	private <RequestT, ResponseT, ErrorT> ResponseT bulk(BulkRequest bulk, RequestT request,
			JsonEndpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
		TransportOptions effective = options != null ? options : usual.options();
		Map<String, String> params = new TreeMap<>(endpoint.queryParameters(request));
		params.putAll(effective.queryParameters());
		List<BulkOperation> operations = bulk.operations();
		BulkHttpClient.Answer answer = http.send(endpoint.method(request), endpoint.requestUrl(request), params,
				NDJSON.entrySet(), out -> {
					for (BulkOperation op : operations) {
						IndexOperation<?> index = op.index();
						out.write(index.index() == null ? ACTION_WITHOUT_INDEX
								: actionStarts.computeIfAbsent(index.index(), BulkTransport::actionStart));
						idAndEnd(out, index.id());
						((BinaryData) index.document()).writeTo(out);
						out.write('\n');
					}
				});
		if (endpoint.isError(answer.statusCode())) {
			throw new TransportException(answer, "Elasticsearch answered the bulk request with status "
					+ answer.statusCode() + ": " + excerpt(answer.bytes()), endpoint.id());
		}
		JsonpMapper mapper = usual.jsonpMapper();
		try (JsonParser parser = mapper.jsonProvider().createParser(new ByteArrayInputStream(answer.bytes()))) {
			return endpoint.responseDeserializer().deserialize(parser, mapper);
		}
	}

	private static byte[] actionStart(String index) {
		try {
			var start = new java.io.ByteArrayOutputStream();
			start.write("{\"index\":{\"_index\":".getBytes(StandardCharsets.US_ASCII));
			string(start, index);
			start.write(",\"_id\":".getBytes(StandardCharsets.US_ASCII));
			return start.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * The id as a JSON string and the end of the action line, in one write. Ids come from the export's keys, so
	 * nearly always printable ASCII; anything else is escaped by {@link #string}.
	 */
	private static void idAndEnd(OutputStream out, String id) throws IOException {
		int n = id.length();
		byte[] line = new byte[n + 2 + END_ACTION.length];
		line[0] = '"';
		for (int i = 0; i < n; i++) {
			char c = id.charAt(i);
			if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
				string(out, id);
				out.write(END_ACTION);
				return;
			}
			line[i + 1] = (byte) c;
		}
		line[n + 1] = '"';
		System.arraycopy(END_ACTION, 0, line, n + 2, END_ACTION.length);
		out.write(line);
	}

	/** A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8. */
	static void string(OutputStream out, String value) throws IOException {
		out.write('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
				out.write(c);
			}
			else if (c == '"' || c == '\\') {
				out.write('\\');
				out.write(c);
			}
			else if (c < 0x20) {
				out.write('\\');
				out.write('u');
				out.write('0');
				out.write('0');
				out.write(HEX[c >> 4]);
				out.write(HEX[c & 0xF]);
			}
			else {
				int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
				out.write(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
			}
		}
		out.write('"');
	}

	private static String excerpt(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return text.length() > 500 ? text.substring(0, 500) + "…" : text;
	}

	@Override
	public JsonpMapper jsonpMapper() {
		return usual.jsonpMapper();
	}

	@Override
	public TransportOptions options() {
		return usual.options();
	}

	@Override
	public void close() throws IOException {
		http.close();
	}
}

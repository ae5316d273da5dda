package org.fundguard.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.stereotype.Component;

/**
 * Raw JSON requests for index administration, where the bodies come from files in {@code elastic/} and a
 * typed request would only get in the way. Connection failures become {@link ElasticsearchUnavailable}.
 */
@Component
public class ElasticJson {

	private static final LongConsumer NOT_TIMED = nanos -> {
	};

	private final Rest5Client client;
	private final ElasticsearchProperties properties;
	private final ObjectMapper json = new ObjectMapper();

	ElasticJson(Rest5Client client, ElasticsearchProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/** Sends the request; a 404 gives null, any other error status an exception naming Elasticsearch's reason. */
	public JsonNode send(String method, String path, String body) {
		return send(method, path, body, NOT_TIMED);
	}

	/**
	 * As above, and hands {@code waited} the nanoseconds the calling thread was blocked until the whole response had
	 * arrived (the client buffers it before returning), without the time spent reading it.
	 */
	public JsonNode send(String method, String path, String body, LongConsumer waited) {
		return exchange(method, path, body, waited, entity -> entity == null ? json.nullNode()
				: json.readTree(EntityUtils.toString(entity, StandardCharsets.UTF_8)));
	}

	/**
	 * As {@link #send}, but hands the response body to {@code reader} as a stream instead of building a tree: for
	 * large search responses whose caller keeps only a little of them. A 404 gives null without calling the reader.
	 */
	public <T> T stream(String method, String path, String body, BodyReader<T> reader) {
		return stream(method, path, body, NOT_TIMED, reader);
	}

	/** As above, with the time blocked until the response had arrived handed to {@code waited} (see {@link #send}). */
	public <T> T stream(String method, String path, String body, LongConsumer waited, BodyReader<T> reader) {
		return exchange(method, path, body, waited, entity -> {
			try (InputStream in = entity.getContent()) {
				return reader.read(in);
			}
		});
	}

	private <T> T exchange(String method, String path, String body, LongConsumer waited, EntityReader<T> reader) {
		Request request = new Request(method, path);
		if (body != null) {
			request.setJsonEntity(body);
		}
		long started = System.nanoTime();
		try {
			Response response;
			try {
				response = client.performRequest(request);
			}
			finally {
				waited.accept(System.nanoTime() - started);
			}
			// depending on the method, the client hands back a 404 instead of throwing it
			if (response.getStatusCode() == 404) {
				return null;
			}
			if (response.getStatusCode() >= 400) {
				var entity = response.getEntity();
				throw new IllegalStateException(method + " " + path + " failed: " + response.getStatusCode() + " "
						+ (entity == null ? null : EntityUtils.toString(entity, StandardCharsets.UTF_8)));
			}
			return reader.read(response.getEntity());
		}
		catch (ResponseException e) {
			if (e.getResponse().getStatusCode() == 404) {
				return null;
			}
			throw new IllegalStateException(method + " " + path + " failed: " + reason(e), e);
		}
		catch (IOException | org.apache.hc.core5.http.ParseException e) {
			throw new ElasticsearchUnavailable(properties.url(), e);
		}
	}

	/** Reads a response's entity (null when it has none). */
	@FunctionalInterface
	private interface EntityReader<T> {

		T read(HttpEntity entity) throws IOException, org.apache.hc.core5.http.ParseException;
	}

	/** Reads a response body from its stream. */
	@FunctionalInterface
	public interface BodyReader<T> {

		T read(InputStream body) throws IOException;
	}

	/** Fails fast, with a sentence a person can act on, when the node does not answer. */
	public void ping() {
		send("GET", "/_cluster/health", null);
	}

	private static String reason(ResponseException e) {
		try {
			return EntityUtils.toString(e.getResponse().getEntity(), StandardCharsets.UTF_8);
		}
		catch (IOException | org.apache.hc.core5.http.ParseException ignored) {
			return e.getMessage();
		}
	}
}

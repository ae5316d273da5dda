package org.fundguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a search response from its byte stream, handing the elements of one array (the hits or the composite
 * buckets) on one at a time as they are parsed, and keeping the rest (took, shards, after_key) as a small tree. A
 * page of thousands of buckets is then never held as text and as one tree at once: that doubled the client's work.
 */
final class ResponseStream {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final JsonFactory FACTORY = JSON.getFactory();

	/** The response without the streamed array, how many elements it had and the last of them. */
	record Read(ObjectNode rest, int count, JsonNode last) {
	}

	private final String[] path;
	private final Consumer<JsonNode> element;
	private final Consumer<ObjectNode> beforeFirst;
	private ObjectNode root;
	private int count;
	private JsonNode last;

	private ResponseStream(String[] path, Consumer<JsonNode> element, Consumer<ObjectNode> beforeFirst) {
		this.path = path;
		this.element = element;
		this.beforeFirst = beforeFirst;
	}

	/** Streams the array at {@code path} (e.g. hits, hits) of the response to {@code element}. */
	static Read read(InputStream body, Consumer<JsonNode> element, String... path) throws IOException {
		return read(body, element, head -> {
		}, path);
	}

	/**
	 * As above, and hands the response's fields read before the array (Elasticsearch writes took, timed_out and
	 * _shards first) to {@code beforeFirst} before the first element is handed on: it can refuse an incomplete
	 * page before anything acts on it.
	 */
	static Read read(InputStream body, Consumer<JsonNode> element, Consumer<ObjectNode> beforeFirst, String... path)
			throws IOException {
		ResponseStream stream = new ResponseStream(path, element, beforeFirst);
		try (JsonParser parser = FACTORY.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IOException("search response is not a JSON object");
			}
			ObjectNode rest = stream.object(parser, 0);
			return new Read(rest, stream.count, stream.last);
		}
	}

	/** The object the parser is at the start of, with the streamed array (at this depth) left out. */
	private ObjectNode object(JsonParser parser, int depth) throws IOException {
		ObjectNode out = JSON.createObjectNode();
		if (depth == 0) {
			root = out;
		}
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (depth < path.length && name.equals(path[depth])) {
				if (depth == path.length - 1 && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						JsonNode node = JSON.readTree(parser);
						if (count == 0) {
							beforeFirst.accept(root);
						}
						count++;
						last = node;
						element.accept(node);
					}
					continue;
				}
				if (value == JsonToken.START_OBJECT) {
					out.set(name, object(parser, depth + 1));
					continue;
				}
			}
			out.set(name, JSON.readTree(parser));
		}
		return out;
	}
}

package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResponseStreamTest {

	static ResponseStream.Read read(String json, List<JsonNode> out, String... path) throws IOException {
		return ResponseStream.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out::add, path);
	}

	@Test
	void anIncompletePageIsRefusedBeforeItsFirstHitIsHandedOn() {
		List<JsonNode> hits = new ArrayList<>();
		String json = """
				{"took":3,"timed_out":false,"_shards":{"total":2,"failed":1},"hits":{"hits":[{"_source":{"a":1}}]}}""";
		assertThatThrownBy(() -> ResponseStream.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
				hits::add, head -> {
					if (head.path("_shards").path("failed").asInt() > 0) {
						throw new IllegalStateException("incomplete");
					}
				}, "hits", "hits")).hasMessage("incomplete");
		assertThat(hits).isEmpty();
	}

	@Test
	void compositeBucketsAreHandedOnAndTheRestIsKept() throws IOException {
		List<JsonNode> buckets = new ArrayList<>();
		ResponseStream.Read r = read("""
				{"took":7,"timed_out":false,"_shards":{"total":1,"failed":0},"hits":{"hits":[]},
				 "aggregations":{"c":{"after_key":{"s":"S2"},"buckets":[{"key":{"s":"S1"},"doc_count":1},{"key":{"s":"S2"},"doc_count":3}]}}}""",
				buckets, "aggregations", "c", "buckets");
		assertThat(buckets).extracting(b -> b.path("key").path("s").asText()).containsExactly("S1", "S2");
		assertThat(r.count()).isEqualTo(2);
		assertThat(r.last().path("doc_count").asInt()).isEqualTo(3);
		assertThat(r.rest().path("took").asLong()).isEqualTo(7);
		assertThat(r.rest().path("_shards").path("failed").asInt()).isZero();
		assertThat(r.rest().at("/aggregations/c/after_key/s").asText()).isEqualTo("S2");
		assertThat(r.rest().at("/aggregations/c/buckets").isMissingNode()).isTrue();
	}

	@Test
	void hitsAreHandedOnWithTheirSortValues() throws IOException {
		List<JsonNode> hits = new ArrayList<>();
		ResponseStream.Read r = read("""
				{"took":1,"hits":{"total":{"value":2},"hits":[{"_source":{"a":1},"sort":["x"]},{"_source":{"a":2},"sort":["y"]}]}}""",
				hits, "hits", "hits");
		assertThat(hits).extracting(h -> h.path("_source").path("a").asInt()).containsExactly(1, 2);
		assertThat(r.last().path("sort").toString()).isEqualTo("[\"y\"]");
		assertThat(r.rest().at("/hits/total/value").asInt()).isEqualTo(2);
	}

	@Test
	void aResponseWithoutTheArrayHasNone() throws IOException {
		List<JsonNode> buckets = new ArrayList<>();
		ResponseStream.Read r = read("{\"took\":3,\"aggregations\":{\"c\":{\"buckets\":[]}}}", buckets, "aggregations", "c", "buckets");
		assertThat(buckets).isEmpty();
		assertThat(r.count()).isZero();
		assertThat(r.last()).isNull();
		assertThat(r.rest().path("took").asInt()).isEqualTo(3);
	}
}

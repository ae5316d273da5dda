package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The loader's hand-written JSON must be what Jackson's generator wrote before it (the documents in Elasticsearch
 * do not change with the writer), and pre-written fragments must splice in exactly where the fields would be.
 */
class JsonDocumentTest {

	private static final String AWKWARD = "张伟 \"quoted\" back\\slash tab\t nl\n cr\r bell\u0007 del\u007f é ß 𠀀 😀 \u2028 /";

	@Test
	void writesWhatJacksonWrites() throws IOException {
		Map<String, BigDecimal> byTag = new TreeMap<>(Map.of("hvmc", new BigDecimal("12.50"), "透析", new BigDecimal("0")));
		byte[] ours = new JsonDocument(8).text("a", AWKWARD).text("skipped", null).number("n", new BigDecimal("1234.5600"))
			.number("big", new BigDecimal("0.00")).number("neg", new BigDecimal("-7.1")).number("long", -42L)
			.bool("yes", true).bool("no", false).bool("none", null).date("d", LocalDate.of(2026, 1, 5))
			.date("old", LocalDate.of(7, 12, 31)).dateTime("t", LocalDateTime.of(2025, 12, 29, 8, 5, 9))
			.texts("list", List.of("x", AWKWARD, "")).texts("empty", List.of()).numbers("byTag", byTag)
			.numbers("noTags", Map.of()).toBytes();

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
			json.writeStartObject();
			json.writeStringField("a", AWKWARD);
			json.writeFieldName("n");
			json.writeNumber(new BigDecimal("1234.5600"));
			json.writeFieldName("big");
			json.writeNumber(new BigDecimal("0.00"));
			json.writeFieldName("neg");
			json.writeNumber(new BigDecimal("-7.1"));
			json.writeNumberField("long", -42L);
			json.writeBooleanField("yes", true);
			json.writeBooleanField("no", false);
			json.writeStringField("d", LocalDate.of(2026, 1, 5).format(Row.DATE));
			json.writeStringField("old", LocalDate.of(7, 12, 31).format(Row.DATE));
			json.writeStringField("t", LocalDateTime.of(2025, 12, 29, 8, 5, 9).format(Row.DATE_TIME));
			json.writeArrayFieldStart("list");
			json.writeString("x");
			json.writeString(AWKWARD);
			json.writeString("");
			json.writeEndArray();
			json.writeObjectFieldStart("byTag");
			json.writeFieldName("hvmc");
			json.writeNumber(new BigDecimal("12.50"));
			json.writeFieldName("透析");
			json.writeNumber(new BigDecimal("0"));
			json.writeEndObject();
			json.writeEndObject();
		}
		assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(out.toString(StandardCharsets.UTF_8));
		assertThat(new ObjectMapper().readTree(ours).get("a").asText()).isEqualTo(AWKWARD);
	}

	@Test
	void fragmentsSpliceInWithTheirCommas() throws IOException {
		byte[] head = new JsonDocument().text("a", "1").number("b", 2).fragment();
		byte[] empty = new JsonDocument().text("absent", null).fragment();
		byte[] tail = new JsonDocument().bool("z", true).fragment();

		byte[] spliced = new JsonDocument().fields(empty).fields(head).fields(empty).text("m", "中").fields(tail).toBytes();
		byte[] direct = new JsonDocument().text("a", "1").number("b", 2).text("m", "中").bool("z", true).toBytes();

		assertThat(new String(spliced, StandardCharsets.UTF_8)).isEqualTo(new String(direct, StandardCharsets.UTF_8))
			.isEqualTo("{\"a\":\"1\",\"b\":2,\"m\":\"中\",\"z\":true}");
		assertThat(new JsonDocument().fields(empty).toBytes()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aClearedDocumentIsWrittenOutAsANewOneWouldBe() {
		JsonDocument reused = new JsonDocument(4).text("long", "x".repeat(100)).number("n", 1);
		reused.clear().text("a", "中").bool("b", false);
		byte[] target = new byte[reused.closedLength() + 3];
		int end = reused.writeTo(target, 2);
		byte[] fresh = new JsonDocument().text("a", "中").bool("b", false).toBytes();
		assertThat(end).isEqualTo(2 + fresh.length);
		assertThat(java.util.Arrays.copyOfRange(target, 2, end)).isEqualTo(fresh);
		// written out, the document is unchanged and can be written again
		assertThat(reused.toBytes()).isEqualTo(fresh);
	}
}

package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/** The API writes every time as ISO 8601 with the bureau's offset, whatever offset the value was read with. */
@JsonTest
class ApiTimesTest {

	@Autowired
	ObjectMapper json;

	@Test
	void timesReadInUtcAreWrittenAtPlusEight() throws Exception {
		Instant end = Instant.parse("2026-12-22T16:00:00Z");

		assertThat(json.writeValueAsString(Map.of("due", end.atOffset(ZoneOffset.UTC))))
			.isEqualTo("{\"due\":\"2026-12-23T00:00:00+08:00\"}");
		assertThat(json.writeValueAsString(Map.of("due", Date.from(end))))
			.isEqualTo("{\"due\":\"2026-12-23T00:00:00.000+08:00\"}");
		assertThat(json.readValue("\"2026-12-23T00:00:00+08:00\"", OffsetDateTime.class).toInstant()).isEqualTo(end);
	}
}

package org.fundguard.calendar.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

/** A structured log line's @timestamp in China Standard Time, other members untouched. */
class BureauLogTimestampsTest {

	@Test
	void theTimestampIsWrittenWithTheBureausOffset() {
		Instant at = Instant.parse("2026-12-22T16:00:00.123Z");
		JsonWriter<Instant> writer = JsonWriter.of(members -> {
			members.add("@timestamp", t -> t);
			members.add("other", t -> t);
			new BureauLogTimestamps().customize(cast(members));
		});

		assertThat(writer.writeToString(at))
			.isEqualTo("{\"@timestamp\":\"2026-12-23T00:00:00.123+08:00\",\"other\":\"2026-12-22T16:00:00.123Z\"}");
	}

	@SuppressWarnings("unchecked")
	private static JsonWriter.Members<Object> cast(JsonWriter.Members<?> members) {
		return (JsonWriter.Members<Object>) members;
	}
}

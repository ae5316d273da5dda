package org.fundguard.calendar.zone;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (ECS) log lines carry their {@code @timestamp} in China Standard Time with its offset,
 * 2026-12-07T09:15:02.123+08:00, instead of UTC: the same instant, read by the bureau's staff as the time of their
 * pages. Named in application.yml (logging.structured.json.customizer); plain-text logs get the zone through
 * logging.pattern.dateformat.
 */
public class BureauLogTimestamps implements StructuredLoggingJsonMembersCustomizer<Object> {

	private static final ZoneId BUREAU_ZONE = ZoneId.of(BureauZoneByDefault.ZONE);

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.<Object>of(BureauLogTimestamps::inBureauZone).whenHasPath("@timestamp"));
	}

	static Object inBureauZone(Object value) {
		return value instanceof Instant instant ? instant.atZone(BUREAU_ZONE).toOffsetDateTime().toString() : value;
	}
}

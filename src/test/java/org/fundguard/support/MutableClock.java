package org.fundguard.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.fundguard.calendar.Deadlines;

/** A clock the process tests (penalties, appeals) move forward; it moves the engine's clock along, so both agree on "now". */
public final class MutableClock extends Clock {

	private Instant now;

	public MutableClock(Instant start) {
		set(start);
	}

	public void set(Instant instant) {
		now = instant;
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public void advance(Duration by) {
		set(now.plus(by));
	}

	@Override
	public ZoneId getZone() {
		return Deadlines.BUREAU_ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}
}

package org.fundguard.calendar;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Times as the bureau reads them: in China Standard Time, whatever zone the database or server keeps.
 * Pages call it as {@code ${@bureauTime.format(t)}}.
 */
@Component("bureauTime")
public class BureauTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public String format(OffsetDateTime time) {
		return time == null ? "—" : time.atZoneSameInstant(ClockConfig.BUREAU_ZONE).format(MINUTES);
	}
}

package org.fundguard.calendar.zone;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes China Standard Time the JVM's default zone before anything starts. FundGuard's own code names the zone
 * everywhere (calendar.BureauTime), but Camunda's REST API, which its webapps and API clients read, writes dates in the
 * JVM's default zone and offers no setting for it: on a server kept in UTC a deadline ending at midnight in Beijing
 * came out as 16:00 the day before. Runs for the web application, the commands and the integration tests alike.
 */
public class BureauZoneByDefault implements EnvironmentPostProcessor {

	public static final String ZONE = "Asia/Shanghai";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
	}
}

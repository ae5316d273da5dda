package org.fundguard.calendar;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bureau works in China Standard Time whatever the server's zone; tests replace the clock. */
@Configuration
class ClockConfig {

	static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(BUREAU_ZONE);
	}
}

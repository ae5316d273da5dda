package org.fundguard.process.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work that must happen once however many nodes run: a job annotated {@code @SchedulerLock} takes a row of
 * table {@code shedlock} in the shared database first, and a node that finds it taken skips that run. The database's
 * clock decides, so nodes whose clocks drift still agree. Work that belongs to each node (refreshing its own caches)
 * stays unlocked on purpose.
 * <p>
 * The one place scheduling is switched on, and not in a command's context ({@code load}, {@code rules}, {@code record},
 * {@code keys}: the profile {@code command}, see FundGuardApplication). A command does one job and exits; it must not
 * start reports' processes or send mail on the side, and on a load that work took CPU from Elasticsearch.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!command")
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class OnceAcrossNodes {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}

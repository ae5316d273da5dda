package org.fundguard.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param schedule cron (second minute hour day month weekday) of the scheduled run of the whole catalogue; "-" is off
 * @param scheduledMonths the scheduled run's window: this many whole months before today's month, up to yesterday
 */
@ConfigurationProperties("fundguard.rules")
public record RulesProperties(@DefaultValue("-") String schedule, @DefaultValue("3") int scheduledMonths) {
}

package org.fundguard.process.logging;

import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.fundguard.errors.Refused;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refusal thrown in a task listener (a reviewer who investigated the case, a form that breaks a rule) is the expected
 * answer to a user, yet Camunda logs every exception that leaves a command at ERROR with the whole engine stack (its
 * context logger {@code org.camunda.bpm.engine.context}, and its REST layer once more). This filter turns those into one
 * line at INFO, the same line whichever way the task was reached (FundGuard's pages, Tasklist, the REST API); an
 * exception without a refusal inside still logs as Camunda logs it.
 */
@Component
public class RefusalsInEngineLog extends TurboFilter {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(RefusalsInEngineLog.class);
	private static final String CAMUNDA = "org.camunda.bpm";

	RefusalsInEngineLog() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			install(logback);
		}
	}

	/** Adds the filter to this logging context, once (tests call it for a context of their own). */
	public void install(LoggerContext context) {
		if (!context.getTurboFilterList().contains(this)) {
			setName("fundguard-refusals-in-engine");
			context.addTurboFilter(this);
			start();
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (format == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith(CAMUNDA)) {
			return FilterReply.NEUTRAL;
		}
		Optional<Refused> refused = Refused.in(t != null ? t : lastThrowable(params));
		if (refused.isEmpty()) {
			return FilterReply.NEUTRAL;
		}
		Refused r = refused.get();
		log.info("refused in the process engine ({}): {} {}", logger.getName(), r.key(), r.getMessage());
		return FilterReply.DENY;
	}

	private static Throwable lastThrowable(Object[] params) {
		return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown ? thrown
				: null;
	}
}

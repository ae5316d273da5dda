package org.fundguard.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fundguard.errors.Refused;

/**
 * The variables a task sees, read as the type a module needs: Tasklist sends a checkbox as a Boolean and a number as a
 * Double, FundGuard's pages the same through {@link TaskForm}, an API client perhaps as text; each reader accepts all
 * of them and refuses, in the user's words, what is none. Also who completes the task and for which role it was
 * offered, so that glue code never digs in the engine's task object.
 *
 * @param userId who works the task: its assignee, else the signed-in user of the completion
 * @param offeredTo the first candidate group (a role id), if the task was offered to a role
 */
public record TaskValues(String taskId, String taskKey, Map<String, Object> variables, String userId,
		Optional<String> offeredTo) {

	private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	public TaskValues {
		variables = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(variables));
	}

	public Object raw(String name) {
		return variables.get(name);
	}

	/** An id a process carries (Long in the engine, sometimes Integer or text): a missing one is a modelling error. */
	public long id(String name) {
		Object v = variables.get(name);
		if (v instanceof Number n) {
			return n.longValue();
		}
		if (v != null && !v.toString().isBlank()) {
			return Long.parseLong(v.toString().trim());
		}
		throw new IllegalStateException("task " + taskKey + " has no id variable " + name);
	}

	/** Text without surrounding blanks; empty when the variable is missing. */
	public String text(String name) {
		Object v = variables.get(name);
		return v == null ? "" : v.toString().trim();
	}

	public boolean bool(String name) {
		Object v = variables.get(name);
		return v instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(v)) || "on".equalsIgnoreCase(String.valueOf(v));
	}

	/** An amount in yuan with two decimals, or null when left empty. */
	public BigDecimal decimal(String name, String label) {
		Object v = variables.get(name);
		if (v == null || v.toString().isBlank()) {
			return null;
		}
		try {
			BigDecimal amount = v instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(v.toString().trim());
			return amount.setScale(2, RoundingMode.HALF_UP);
		}
		catch (NumberFormatException e) {
			throw Refused.because("process.form.not-an-amount", label, v);
		}
	}

	/** A day: "2026-11-23", an ISO date-time or a Date, read in the bureau's zone; null when left empty. */
	public LocalDate date(String name, String label) {
		Object v = variables.get(name);
		if (v instanceof Date d) {
			return d.toInstant().atZone(BUREAU_ZONE).toLocalDate();
		}
		String s = v == null ? "" : v.toString().trim();
		if (s.isEmpty()) {
			return null;
		}
		try {
			return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).atZoneSameInstant(BUREAU_ZONE).toLocalDate();
		}
		catch (DateTimeParseException e) {
			throw Refused.because("process.form.not-a-date", label, s);
		}
	}

	/** A list typed as text: separated by commas (either width), semicolons or blanks. */
	public List<String> list(String name) {
		return split(text(name));
	}

	public static List<String> split(String text) {
		return Arrays.stream(text.split("[,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}

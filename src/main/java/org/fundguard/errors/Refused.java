package org.fundguard.errors;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What FundGuard will not do, for a reason the person who asked should read: a value that breaks a rule, a step out
 * of turn, something that does not exist or is not theirs to see. Every module throws this one exception with a key of
 * the message bundle ({@code messages.properties} in Chinese, {@code messages_en.properties} beside it in English); one
 * advice shows it, as a page or as an RFC 9457 problem. Its message is the Chinese text, so a log line, a command's
 * output and Camunda Tasklist's error banner read the same as the page.
 */
public class Refused extends RuntimeException {

	/** Why, as far as the caller's next step goes; each maps to one HTTP status. */
	public enum Reason {
		/** The request breaks a rule of the domain or of the form: correct it and try again (400). */
		INVALID(400),
		/** Nothing of that id, or it is gone (404). */
		NOT_FOUND(404),
		/** It exists but is not the caller's to see or do (403). */
		FORBIDDEN(403),
		/** Someone or something got there first: the state changed (409). */
		CONFLICT(409),
		/** A service FundGuard needs is not answering: try again later (503). */
		UNAVAILABLE(503);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	private final Reason reason;
	private final String key;
	private final transient Object[] args;

	protected Refused(Reason reason, String key, Throwable cause, Object... args) {
		super(Messages.chinese(key, args), cause);
		this.reason = reason;
		this.key = key;
		this.args = args.clone();
	}

	/** The request breaks a rule; the message says which. */
	public static Refused because(String key, Object... args) {
		return new Refused(Reason.INVALID, key, null, args);
	}

	public static Refused notFound(String key, Object... args) {
		return new Refused(Reason.NOT_FOUND, key, null, args);
	}

	public static Refused forbidden(String key, Object... args) {
		return new Refused(Reason.FORBIDDEN, key, null, args);
	}

	public static Refused conflict(String key, Object... args) {
		return new Refused(Reason.CONFLICT, key, null, args);
	}

	public static Refused unavailable(String key, Throwable cause, Object... args) {
		return new Refused(Reason.UNAVAILABLE, key, cause, args);
	}

	public Reason reason() {
		return reason;
	}

	/** The message's key in the bundle, also given to API clients so that a program need not parse Chinese. */
	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

	/** The same message in English. */
	public String english() {
		return Messages.english(key, args);
	}

	/**
	 * The refusal inside an exception that the process engine, EL or a library wrapped around it: a task listener's
	 * refusal reaches the caller as the engine's exception, its own words a few causes down.
	 */
	public static Optional<Refused> in(Throwable thrown) {
		Set<Throwable> seen = new HashSet<>();
		for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
			if (t instanceof Refused r) {
				return Optional.of(r);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "Refused[" + reason + " " + key + Arrays.toString(args) + "]: " + getMessage();
	}
}

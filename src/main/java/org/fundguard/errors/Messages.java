package org.fundguard.errors;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one message bundle: {@code messages.properties} holds the Chinese every user reads, {@code messages_en.properties}
 * the English beside it. Read without Spring so that a refusal has its text wherever it is made, in a listener, a
 * command or a test; Spring's MessageSource reads the same files for pages. No fallback to the JVM's locale: on a
 * server set to English the Chinese text must still be the Chinese one.
 */
public final class Messages {

	public static final String BUNDLE = "messages";

	private static final ResourceBundle.Control EXACT = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private Messages() {
	}

	public static String chinese(String key, Object... args) {
		return format(Locale.ROOT, key, args);
	}

	public static String english(String key, Object... args) {
		return format(Locale.ENGLISH, key, args);
	}

	/** Whether the bundle has the key; a test holds every key the code names to both files. */
	public static boolean has(String key) {
		return bundle(Locale.ROOT).containsKey(key);
	}

	private static String format(Locale locale, String key, Object... args) {
		String pattern;
		try {
			pattern = bundle(locale).getString(key);
		}
		catch (MissingResourceException e) {
			// a missing text must not hide the refusal itself: the key still says what happened
			return key + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args));
		}
		return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(plain(args));
	}

	/** Numbers as written (1234, not 1,234): the arguments are ids, codes and counts. */
	private static Object[] plain(Object[] args) {
		Object[] out = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			out[i] = args[i] instanceof Number n ? n.toString() : args[i];
		}
		return out;
	}

	private static ResourceBundle bundle(Locale locale) {
		return ResourceBundle.getBundle(BUNDLE, locale, EXACT);
	}
}

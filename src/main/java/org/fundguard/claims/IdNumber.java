package org.fundguard.claims;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident identity number of GB 11643: six digits of region, eight of birth date, three
 * of sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character, a digit or {@code X}.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumber() {
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(CharSequence first17) {
		if (first17.length() < 17) {
			throw new IllegalArgumentException("an identity number has 17 digits before its check character");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = first17.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("identity number digits must be 0-9");
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** Why the number is not a valid identity number, or empty when it is. */
	public static Optional<String> problem(String id) {
		if (id == null || id.length() != 18) {
			return Optional.of("must be 18 characters");
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
				return Optional.of("the first 17 characters must be digits");
			}
		}
		char last = id.charAt(17);
		if (!(last >= '0' && last <= '9') && last != 'X') {
			return Optional.of("the last character must be a digit or X");
		}
		if (birthDate(id).isEmpty()) {
			return Optional.of("characters 7-14 are not a valid birth date");
		}
		if (checkCharacter(id) != last) {
			return Optional.of("check character is " + last + ", expected " + checkCharacter(id));
		}
		return Optional.empty();
	}

	/** The birth date in characters 7 to 14, if they form a real date. */
	public static Optional<LocalDate> birthDate(String id) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14))));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
			return Optional.empty();
		}
	}

	/** Builds a valid number from region, birth date and a three-digit sequence (odd: male, even: female). */
	public static String of(String region6, LocalDate birthDate, int sequence) {
		String first17 = region6 + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), sequence);
		return first17 + checkCharacter(first17);
	}
}

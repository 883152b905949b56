package io.parkops.platform.internal;

import io.parkops.platform.InvalidInputException;

/**
 * Passwords have at least 8 characters from at least three of the four classes (lower
 * case, upper case, digits, symbols), as 等保 level 3 asks.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	private PasswordPolicy() {
	}

	static boolean isStrong(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return false;
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch((c) -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		return classes >= 3;
	}

	static void check(String field, String password) {
		if (!isStrong(password)) {
			throw InvalidInputException.of(field, "error.password.weak");
		}
	}

}

package io.parkops.platform.internal;

import io.parkops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Passwords need at least 8 characters from three of lower case, upper case, digits and
 * symbols.
 */
class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "Passw0rd!x", "Passw0rd", "password!1", "PASSWORD!1", "Pass!word", "Pa1!xyzw", "ABCdef12" })
	void strongPasswords(String password) {
		assertThat(PasswordPolicy.isStrong(password)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Pa1!xyz", "password", "PASSWORD", "12345678", "password1", "PASSWORD1", "pass!word",
			"!!!!1111", "abcdEFGH" })
	void weakPasswords(String password) {
		assertThat(PasswordPolicy.isStrong(password)).isFalse();
	}

	@Test
	void nullIsWeak() {
		assertThat(PasswordPolicy.isStrong(null)).isFalse();
	}

	@Test
	void minimumLengthIsEight() {
		assertThat(PasswordPolicy.MIN_LENGTH).isEqualTo(8);
		assertThat(PasswordPolicy.isStrong("Aa1!aaa")).isFalse();
		assertThat(PasswordPolicy.isStrong("Aa1!aaaa")).isTrue();
	}

	@Test
	void checkNamesTheField() {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> PasswordPolicy.check("newPassword", "short"));
		assertThat(ex).isNotNull();
		assertThat(ex.fieldProblems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("newPassword");
			assertThat(p.messageKey()).isEqualTo("error.password.weak");
		});
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("newPassword", "Passw0rd!x"));
	}

}

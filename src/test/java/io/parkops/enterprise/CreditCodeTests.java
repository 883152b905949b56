package io.parkops.enterprise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The unified social credit code rules of GB 32100-2015, with the real codes from
 * domain.md.
 */
class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91360727MA35LGHK7K", "91441900MA51XAPG4N" })
	void realCodesPass(String code) {
		assertThat(CreditCode.isValid(code)).isTrue();
	}

	@Test
	void changedCheckCharacterFails() {
		for (char c : CreditCode.CHARSET.toCharArray()) {
			if (c != 'K') {
				assertThat(CreditCode.isValid("91360727MA35LGHK7" + c)).as("check character %s", c).isFalse();
			}
			if (c != 'N') {
				assertThat(CreditCode.isValid("91441900MA51XAPG4" + c)).as("check character %s", c).isFalse();
			}
		}
	}

	@Test
	void changedBodyCharacterFails() {
		// a typo in the body is caught by the check character
		assertThat(CreditCode.isValid("91360727MA35LGHK8K")).isFalse();
		assertThat(CreditCode.isValid("91360728MA35LGHK7K")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "91360727MA35LGHK7", "91360727MA35LGHK7KK", "9136072", " 91360727MA35LGHK7K" })
	void wrongLengthFails(String code) {
		assertThat(CreditCode.isValid(code)).isFalse();
	}

	@Test
	void nullFails() {
		assertThat(CreditCode.isValid(null)).isFalse();
		assertThat(CreditCode.normalize(null)).isNull();
	}

	@Test
	void lowerCaseAndBlanksAreAcceptedOnlyAfterNormalizing() {
		assertThat(CreditCode.isValid("91360727ma35lghk7k")).isFalse();
		assertThat(CreditCode.normalize(" 91360727ma35lghk7k ")).isEqualTo("91360727MA35LGHK7K");
		assertThat(CreditCode.isValid(CreditCode.normalize(" 91360727ma35lghk7k "))).isTrue();
		assertThat(CreditCode.isValid(CreditCode.normalize("91441900ma51xapg4n"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'Z', 'S', 'V' })
	void forbiddenLettersFail(char letter) {
		// in the body, whatever the check character
		String body = "91360727MA35LGHK7".substring(0, 10) + letter + "91360727MA35LGHK7".substring(11);
		for (char check : CreditCode.CHARSET.toCharArray()) {
			assertThat(CreditCode.isValid(body + check)).isFalse();
		}
		// as the check character
		assertThat(CreditCode.isValid("91360727MA35LGHK7" + letter)).isFalse();
		// and the check character cannot be computed over them
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter(body));
	}

	@Test
	void checkCharacterOfRealCodes() {
		assertThat(CreditCode.checkCharacter("91360727MA35LGHK7")).isEqualTo('K');
		assertThat(CreditCode.checkCharacter("91441900MA51XAPG4")).isEqualTo('N');
	}

	@Test
	void checkCharacterFollowsTheWeights() {
		// sum 0 -> 31 - 0 = 31, which becomes 0
		assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
		// first weight 1: sum 1 -> 30 -> 'Y'
		assertThat(CreditCode.checkCharacter("10000000000000000")).isEqualTo('Y');
		// second weight 3: sum 3 -> 28 -> 'W'
		assertThat(CreditCode.checkCharacter("01000000000000000")).isEqualTo('W');
		// last weight 28: sum 28 -> 3
		assertThat(CreditCode.checkCharacter("00000000000000001")).isEqualTo('3');
		// value of 'A' is 10, weight 1: sum 10 -> 21 -> 'M'
		assertThat(CreditCode.checkCharacter("A0000000000000000")).isEqualTo('M');
	}

	@Test
	void everyComputedCheckCharacterMakesAValidCode() {
		java.util.Random random = new java.util.Random(42);
		for (int n = 0; n < 500; n++) {
			StringBuilder body = new StringBuilder();
			for (int i = 0; i < 17; i++) {
				body.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
			}
			String code = body.toString() + CreditCode.checkCharacter(body.toString());
			assertThat(CreditCode.isValid(code)).as(code).isTrue();
		}
	}

}

package io.parkops.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SealedBoxTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

	private static final byte[] PLAIN = "13812345678".getBytes(StandardCharsets.UTF_8);

	@Test
	void aSealedValueOpensWithTheSamePrefixAndHoldsNoPlainText() {
		SealedBox box = SealedBox.of("SECRET_VARIABLE", SECRET, false, "dev", "t.c");
		byte[] stored = box.seal(PLAIN, (byte) 1);
		assertThat(stored).hasSize(1 + 12 + PLAIN.length + 16);
		assertThat(stored[0]).isEqualTo((byte) 1);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("12345678");
		assertThat(box.open(stored, (byte) 1)).isEqualTo(PLAIN);
		assertThat(box.seal(PLAIN, (byte) 1)).as("a fresh nonce every time").isNotEqualTo(stored);
	}

	@Test
	void aValueWithoutPrefixOpensWithoutPrefix() {
		SealedBox box = SealedBox.of("SECRET_VARIABLE", SECRET, false, "dev", "t.c");
		assertThat(box.open(box.seal(PLAIN))).isEqualTo(PLAIN);
	}

	@Test
	void anotherSecretAnotherColumnAnotherPrefixOrATruncatedValueIsRefused() {
		SealedBox box = SealedBox.of("SECRET_VARIABLE", SECRET, false, "dev", "t.c");
		byte[] stored = box.seal(PLAIN, (byte) 1);
		assertThatIllegalStateException()
			.isThrownBy(() -> SealedBox.of("SECRET_VARIABLE", SECRET + "x", false, "dev", "t.c").open(stored, (byte) 1))
			.withMessageContaining("SECRET_VARIABLE");
		assertThatIllegalStateException()
			.isThrownBy(() -> SealedBox.of("SECRET_VARIABLE", SECRET, false, "dev", "t.other").open(stored, (byte) 1));
		assertThatIllegalStateException().isThrownBy(() -> box.open(stored, (byte) 2))
			.withMessageContaining("unknown format");
		assertThatIllegalStateException().isThrownBy(() -> box.open(new byte[20], (byte) 1))
			.withMessageContaining("too short");
	}

	@Test
	void theSecretIsRequiredWithADatabaseServerAndMustBeLong() {
		assertThatIllegalStateException().isThrownBy(() -> SealedBox.of("SECRET_VARIABLE", " ", false, "dev", "t.c"))
			.withMessageContaining("SECRET_VARIABLE")
			.withMessageContaining("database server");
		assertThatIllegalStateException().isThrownBy(() -> SealedBox.of("SECRET_VARIABLE", "short", true, "dev", "t.c"))
			.withMessageContaining("at least 32");
		SealedBox development = SealedBox.of("SECRET_VARIABLE", null, true, "development-secret", "t.c");
		assertThat(
				SealedBox.of("SECRET_VARIABLE", null, true, "development-secret", "t.c").open(development.seal(PLAIN)))
			.isEqualTo(PLAIN);
	}

}

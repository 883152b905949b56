package io.parkops.party.internal;

import io.parkops.platform.SealedBox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts members' phone numbers at rest with AES-256-GCM (the platform's
 * {@link SealedBox}). The key is the SHA-256 of {@code PARKOPS_PARTY_PHONE_KEY}
 * ({@code parkops.party.phone-key}, at least 32 characters). Only with the embedded
 * database may it be missing: a fixed development key is used then and a warning logged;
 * against a database server the application refuses to start without it.
 * <p>
 * Stored form: one format byte (1), the 12-byte nonce, the ciphertext with its 16-byte
 * tag; the column name is bound as associated data.
 */
@Component
class PhoneCipher {

	private static final byte FORMAT = 1;

	private final SealedBox box;

	PhoneCipher(@Value("${parkops.party.phone-key:}") String configured,
			@Value("${parkops.embedded.active:false}") boolean embedded) {
		this.box = SealedBox.of("PARKOPS_PARTY_PHONE_KEY", configured, embedded,
				"parkops-development-key-embedded-database-only", "party_member.phone");
	}

	byte[] encrypt(String phone) {
		return this.box.sealText(phone, FORMAT);
	}

	String decrypt(byte[] stored) {
		return this.box.openText(stored, FORMAT);
	}

}

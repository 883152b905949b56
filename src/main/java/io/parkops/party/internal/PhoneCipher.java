package io.parkops.party.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts members' phone numbers at rest with AES-256-GCM (the JDK's provider). The key
 * is the SHA-256 of {@code PARKOPS_PARTY_PHONE_KEY} ({@code parkops.party.phone-key}, at
 * least 32 characters). Only with the embedded database may it be missing: a fixed
 * development key is used then and a warning logged; against a database server the
 * application refuses to start without it.
 * <p>
 * Stored form: one format byte (1), the 12-byte nonce, the ciphertext with its 16-byte
 * tag; the column name is bound as associated data.
 */
@Component
class PhoneCipher {

	private static final Logger log = LoggerFactory.getLogger(PhoneCipher.class);

	private static final String DEV_KEY = "parkops-development-key-embedded-database-only";

	private static final byte FORMAT = 1;

	private static final byte[] AAD = "party_member.phone".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	PhoneCipher(@Value("${parkops.party.phone-key:}") String configured,
			@Value("${parkops.embedded.active:false}") boolean embedded) {
		String secret = configured;
		if (secret == null || secret.isBlank()) {
			if (!embedded) {
				throw new IllegalStateException(
						"PARKOPS_PARTY_PHONE_KEY (at least 32 characters) must be set when ParkOps uses a database server");
			}
			log.warn("PARKOPS_PARTY_PHONE_KEY is not set: party members' phone numbers are encrypted with the "
					+ "development key of the embedded database");
			secret = DEV_KEY;
		}
		else if (secret.length() < 32) {
			throw new IllegalStateException("PARKOPS_PARTY_PHONE_KEY must have at least 32 characters");
		}
		try {
			this.key = new SecretKeySpec(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] encrypt(String phone) {
		if (phone == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[12];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(AAD);
			byte[] sealed = cipher.doFinal(phone.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("phone encryption failed", ex);
		}
	}

	String decrypt(byte[] stored) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + 12 + 16 || stored[0] != FORMAT) {
			throw new IllegalStateException("unknown phone cipher format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, stored, 1, 12));
			cipher.updateAAD(AAD);
			return new String(cipher.doFinal(stored, 13, stored.length - 13), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("phone decryption failed (wrong PARKOPS_PARTY_PHONE_KEY?)", ex);
		}
	}

	/** 138****5678: what lists show. */
	static String mask(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() <= 7) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}

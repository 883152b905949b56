package io.parkops.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

// Encrypts the points' SM4 keys at rest with AES-256-GCM under the SHA-256 of
// {@code PARKOPS_MONITORING_KEY_SECRET}. Only with the embedded database may it be
// missing (a development secret and a warning); against a database server the application
// refuses to start without it. Stored form: the 12-byte nonce, then the ciphertext with
// its tag.
@Component
class KeyCipher {

	private static final Logger log = LoggerFactory.getLogger(KeyCipher.class);

	private static final String DEV_SECRET = "parkops-monitoring-development-secret-embedded-only";

	private static final byte[] AAD = "monitoring_point_key".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	KeyCipher(MonitoringProperties properties, @Value("${parkops.embedded.active:false}") boolean embedded) {
		String secret = properties.keySecret();
		if (secret == null || secret.isBlank()) {
			if (!embedded) {
				throw new IllegalStateException(
						"PARKOPS_MONITORING_KEY_SECRET (at least 32 characters) must be set when ParkOps uses a database server");
			}
			log.warn("PARKOPS_MONITORING_KEY_SECRET is not set: the points' SM4 keys are encrypted with the "
					+ "development secret of the embedded database");
			secret = DEV_SECRET;
		}
		else if (secret.length() < 32) {
			throw new IllegalStateException("PARKOPS_MONITORING_KEY_SECRET must have at least 32 characters");
		}
		try {
			this.key = new SecretKeySpec(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] encrypt(byte[] sm4Key) {
		try {
			byte[] nonce = new byte[12];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(AAD);
			byte[] sealed = cipher.doFinal(sm4Key);
			byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("key encryption failed", ex);
		}
	}

	byte[] decrypt(byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, stored, 0, 12));
			cipher.updateAAD(AAD);
			return cipher.doFinal(stored, 12, stored.length - 12);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a point's SM4 key cannot be decrypted (another key secret?)", ex);
		}
	}

}

package io.parkops.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest with AES-256-GCM (the JDK's provider) under the SHA-256 of a secret
 * from the environment, for the few columns that must not hold plain values (party
 * members' phone numbers, the monitoring points' SM4 keys).
 * <p>
 * The secret must have at least 32 characters. Only with the embedded database may it be
 * missing: the caller's development secret is used then and a warning logged; against a
 * database server the application refuses to start without it.
 * <p>
 * Stored form: the caller's prefix bytes (a format marker, or none), the 12-byte random
 * nonce, then the ciphertext with its 16-byte tag. The associated data (typically the
 * table and column) binds a value to where it is stored.
 */
public final class SealedBox {

	private static final Logger log = LoggerFactory.getLogger(SealedBox.class);

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final byte[] associated;

	private final String variable;

	private final SecureRandom random = new SecureRandom();

	private SealedBox(String secret, String associated, String variable) {
		try {
			this.key = new SecretKeySpec(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.associated = associated.getBytes(StandardCharsets.UTF_8);
		this.variable = variable;
	}

	/**
	 * The box for one column.
	 * @param variable the environment variable that holds the secret (named in messages)
	 * @param secret the configured secret, blank when not set
	 * @param embedded whether the application runs on its embedded database
	 * @param developmentSecret the secret used on the embedded database when none is set
	 * @param associated the associated data bound to every value
	 */
	public static SealedBox of(String variable, String secret, boolean embedded, String developmentSecret,
			String associated) {
		if (secret == null || secret.isBlank()) {
			if (!embedded) {
				throw new IllegalStateException(
						variable + " (at least 32 characters) must be set when ParkOps uses a database server");
			}
			log.warn("{} is not set: {} is encrypted with the development secret of the embedded database", variable,
					associated);
			return new SealedBox(developmentSecret, associated, variable);
		}
		if (secret.length() < 32) {
			throw new IllegalStateException(variable + " must have at least 32 characters");
		}
		return new SealedBox(secret, associated, variable);
	}

	/** The prefix, a fresh nonce and the ciphertext with its tag. */
	public byte[] seal(byte[] plain, byte... prefix) {
		try {
			byte[] out = new byte[prefix.length + NONCE + plain.length + TAG_BITS / 8];
			System.arraycopy(prefix, 0, out, 0, prefix.length);
			byte[] nonce = new byte[NONCE];
			this.random.nextBytes(nonce);
			System.arraycopy(nonce, 0, out, prefix.length, NONCE);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.associated);
			cipher.doFinal(plain, 0, plain.length, out, prefix.length + NONCE);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	/** {@link #seal} of a text's UTF-8 bytes; {@code null} stays {@code null}. */
	public byte[] sealText(String text, byte... prefix) {
		return (text != null) ? seal(text.getBytes(StandardCharsets.UTF_8), prefix) : null;
	}

	/**
	 * The text {@link #sealText} stored with the same prefix; {@code null} stays
	 * {@code null}.
	 */
	public String openText(byte[] stored, byte... prefix) {
		return (stored != null) ? new String(open(stored, prefix), StandardCharsets.UTF_8) : null;
	}

	/**
	 * 138****5678: a phone number as lists show it to someone who may not read it in
	 * full.
	 */
	public static String maskPhone(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() <= 7) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	/**
	 * The plain value of what {@link #seal} stored with the same prefix.
	 * @throws IllegalStateException when the prefix differs, the value is truncated or it
	 * was sealed under another secret or associated data
	 */
	public byte[] open(byte[] stored, byte... prefix) {
		int start = prefix.length;
		if (stored.length < start + NONCE + TAG_BITS / 8) {
			throw new IllegalStateException("an encrypted value is too short");
		}
		for (int i = 0; i < start; i++) {
			if (stored[i] != prefix[i]) {
				throw new IllegalStateException("an encrypted value has an unknown format");
			}
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, start, NONCE));
			cipher.updateAAD(this.associated);
			return cipher.doFinal(stored, start + NONCE, stored.length - start - NONCE);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("an encrypted value cannot be decrypted (another " + this.variable + "?)",
					ex);
		}
	}

}

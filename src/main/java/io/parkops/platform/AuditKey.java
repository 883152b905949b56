package io.parkops.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The secret that signs the audit chain and its checkpoints. It is never stored in the
 * database: {@code PARKOPS_AUDIT_KEY} when set, otherwise {@code <data dir>/audit.key},
 * created at the first start with 32 random bytes and readable by its owner only.
 */
@Component
class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	static final String ALGORITHM = "HmacSHA256";

	static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private final SecretKeySpec key;

	private final Path dataDir;

	AuditKey(Environment environment) {
		this.dataDir = Path.of(environment.getProperty("parkops.data-dir", "./data")).toAbsolutePath().normalize();
		String given = environment.getProperty("parkops.audit.key");
		byte[] secret;
		if (StringUtils.hasText(given)) {
			if (given.length() < 32) {
				throw new IllegalStateException("PARKOPS_AUDIT_KEY must have at least 32 characters");
			}
			secret = given.getBytes(StandardCharsets.UTF_8);
		}
		else {
			secret = readOrCreate(this.dataDir.resolve("audit.key"));
		}
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/** The data directory, where checkpoints are written as well. */
	Path dataDir() {
		return this.dataDir;
	}

	/** The HMAC-SHA256 of the text, as 64 hex digits. */
	String sign(String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readOrCreate(Path file) {
		try {
			Files.createDirectories(file.getParent());
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				try {
					createOwnerOnly(file);
					Files.writeString(file, HexFormat.of().formatHex(fresh));
					log.warn("ParkOps audit key created at {} (owner-only). Keep a copy in a safe place: without it "
							+ "the audit trail cannot be verified. Several nodes must share one key (PARKOPS_AUDIT_KEY).",
							file);
				}
				catch (FileAlreadyExistsException ex) {
					// another node or context created it first: read theirs
				}
			}
			ensureOwnerOnly(file);
			return HexFormat.of().parseHex(Files.readString(file).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the audit key " + file, ex);
		}
	}

	/** Creates an empty file readable and writable by its owner only (rw-------). */
	static void createOwnerOnly(Path file) throws IOException {
		if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		else {
			Files.createFile(file);
		}
	}

	static void ensureOwnerOnly(Path file) throws IOException {
		if (Files.getFileStore(file).supportsFileAttributeView("posix")
				&& !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("{} was readable by others; its permissions are now rw-------", file);
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

}

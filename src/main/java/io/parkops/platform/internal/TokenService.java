package io.parkops.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API bearer tokens: random, stored only as SHA-256, expiring, revocable.
 */
@Service
class TokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PlatformProperties properties;

	private final io.parkops.platform.AuditTrail audit;

	TokenService(JdbcClient jdbc, PlatformProperties properties, io.parkops.platform.AuditTrail audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
	}

	/** A freshly issued token; the raw value is never stored. */
	record IssuedToken(String token, Instant expiresAt) {
	}

	@Transactional
	IssuedToken issue(long userId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = Instant.now().plus(this.properties.security().tokenTtl()).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("INSERT INTO api_token (user_id, token_hash, expires_at) VALUES (:u, :h, :e)")
			.param("u", userId)
			.param("h", hash(token))
			.param("e", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
			.update();
		return new IssuedToken(token, expires);
	}

	/** The user id of a valid (known, unexpired, unrevoked) token. */
	Optional<Long> userOf(String token) {
		return this.jdbc.sql("""
				SELECT user_id FROM api_token
				WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > now()
				""").param("h", hash(token)).query(Long.class).optional();
	}

	/** Revokes one token; audited as TOKEN_REVOKE of its user. */
	@Transactional
	boolean revoke(String token) {
		List<String> owners = this.jdbc.sql("""
				UPDATE api_token t SET revoked_at = now() FROM app_user u
				WHERE t.token_hash = :h AND t.revoked_at IS NULL AND u.id = t.user_id RETURNING u.username
				""").param("h", hash(token)).query(String.class).list();
		owners.forEach((username) -> this.audit.recordEvent(username, "TOKEN_REVOKE", "token"));
		return !owners.isEmpty();
	}

	/** Revokes every token of the user; audited as TOKEN_REVOKE_ALL with the count. */
	@Transactional
	int revokeAllOf(long userId) {
		List<String> owners = this.jdbc.sql("""
				UPDATE api_token t SET revoked_at = now() FROM app_user u
				WHERE t.user_id = :u AND t.revoked_at IS NULL AND u.id = t.user_id RETURNING u.username
				""").param("u", userId).query(String.class).list();
		if (!owners.isEmpty()) {
			this.audit.recordEvent(owners.get(0), "TOKEN_REVOKE_ALL", owners.size() + " token(s)");
		}
		return owners.size();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

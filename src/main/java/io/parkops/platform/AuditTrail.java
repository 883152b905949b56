package io.parkops.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail (审计日志). Every change and every sign-in attempt is one
 * record carrying the SHA-256 of the previous record, so that any edit of the stored
 * trail breaks the chain and {@link #verify()} finds it.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final long CHAIN_LOCK = 0x5041524b4f505341L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a change of an entity by the current user; before/after are serialised as
	 * JSON.
	 */
	@Transactional
	public void recordChange(String action, String entity, String entityId, Object before, Object after) {
		append(CurrentUser.usernameOrSystem(), action, entity, entityId, toJson(before), toJson(after));
	}

	/**
	 * Records a sign-in outcome or another security event not tied to the current user.
	 */
	@Transactional
	public void recordEvent(String username, String action, String detail) {
		append(username, action, "session", null, null, detail == null ? null : toJson(detail));
	}

	private void append(String username, String action, String entity, String entityId, String before, String after) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query((rs, n) -> 1).list();
		Last last = this.jdbc.sql("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
			.query(Last.class)
			.optional()
			.orElse(new Last(0, GENESIS));
		AuditEntry entry = new AuditEntry(last.seq() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS), username,
				action, entity, entityId, before, after, remoteAddress(), last.hash(), null);
		this.jdbc.sql("""
				INSERT INTO audit_record (seq, occurred_at, username, action, entity, entity_id, before_json,
				  after_json, remote_addr, prev_hash, hash)
				VALUES (:seq, :at, :username, :action, :entity, :entityId, :before, :after, :addr, :prev, :hash)
				""")
			.param("seq", entry.seq())
			.param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
			.param("username", username)
			.param("action", action)
			.param("entity", entity)
			.param("entityId", entityId)
			.param("before", before)
			.param("after", after)
			.param("addr", entry.remoteAddr())
			.param("prev", entry.prevHash())
			.param("hash", hashOf(entry))
			.update();
	}

	/**
	 * Recomputes the chain from the first record; the first broken link, if any, is
	 * reported.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		AtomicLong count = new AtomicLong();
		AtomicReference<String> prev = new AtomicReference<>(GENESIS);
		AtomicLong brokenAt = new AtomicLong(-1);
		this.jdbc.sql("""
				SELECT seq, occurred_at, username, action, entity, entity_id, before_json, after_json,
				       remote_addr, prev_hash, hash FROM audit_record ORDER BY seq
				""").query(rs -> {
			AuditEntry e = new AuditEntry(rs.getLong("seq"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("username"),
					rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
					rs.getString("before_json"), rs.getString("after_json"), rs.getString("remote_addr"),
					rs.getString("prev_hash"), rs.getString("hash"));
			long expectedSeq = count.incrementAndGet();
			if (brokenAt.get() < 0
					&& (e.seq() != expectedSeq || !e.prevHash().equals(prev.get()) || !hashOf(e).equals(e.hash()))) {
				brokenAt.set(e.seq());
			}
			prev.set(e.hash());
		});
		return new Verification(brokenAt.get() < 0, count.get(), brokenAt.get() < 0 ? null : brokenAt.get());
	}

	/** Searches the trail, newest first. */
	@Transactional(readOnly = true)
	public AuditPage search(AuditQuery query) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		if (query.user() != null && !query.user().isBlank()) {
			where.append(" AND username = :user");
		}
		if (query.entity() != null && !query.entity().isBlank()) {
			where.append(" AND entity = :entity");
		}
		if (query.entityId() != null && !query.entityId().isBlank()) {
			where.append(" AND entity_id = :entityId");
		}
		if (query.from() != null) {
			where.append(" AND occurred_at >= :from");
		}
		if (query.to() != null) {
			where.append(" AND occurred_at < :to");
		}
		var count = this.jdbc.sql("SELECT count(*) FROM audit_record" + where);
		var rows = this.jdbc.sql("""
				SELECT seq, occurred_at, username, action, entity, entity_id, before_json, after_json,
				       remote_addr, prev_hash, hash FROM audit_record""" + where
				+ " ORDER BY seq DESC LIMIT :limit OFFSET :offset");
		for (var spec : List.of(count, rows)) {
			bind(spec, query);
		}
		long total = count.query(Long.class).single();
		List<AuditEntry> items = rows.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((rs, n) -> new AuditEntry(rs.getLong("seq"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("username"),
					rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
					rs.getString("before_json"), rs.getString("after_json"), rs.getString("remote_addr"),
					rs.getString("prev_hash"), rs.getString("hash")))
			.list();
		return new AuditPage(items, total);
	}

	private static void bind(JdbcClient.StatementSpec spec, AuditQuery query) {
		if (query.user() != null && !query.user().isBlank()) {
			spec.param("user", query.user());
		}
		if (query.entity() != null && !query.entity().isBlank()) {
			spec.param("entity", query.entity());
		}
		if (query.entityId() != null && !query.entityId().isBlank()) {
			spec.param("entityId", query.entityId());
		}
		if (query.from() != null) {
			spec.param("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			spec.param("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
	}

	static String hashOf(AuditEntry e) {
		String canonical = String.join("\u001f", Long.toString(e.seq()),
				Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, e.occurredAt())), e.username(), e.action(),
				e.entity(), nullSafe(e.entityId()), nullSafe(e.before()), nullSafe(e.after()), nullSafe(e.remoteAddr()),
				e.prevHash());
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nullSafe(String s) {
		return (s != null) ? s : "\u0000";
	}

	private String toJson(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return null;
	}

	private record Last(long seq, String hash) {
	}

	/** One record of the trail. */
	public record AuditEntry(long seq, Instant occurredAt, String username, String action, String entity,
			String entityId, String before, String after, String remoteAddr, String prevHash, String hash) {
	}

	/**
	 * The outcome of a verification: {@code brokenAt} is the first record whose link
	 * fails.
	 */
	public record Verification(boolean intact, long records, Long brokenAt) {
	}

	/** Search criteria; null fields are not filtered on. */
	public record AuditQuery(String user, String entity, String entityId, Instant from, Instant to, int page,
			int size) {
	}

	/** A page of records with the total count. */
	public record AuditPage(List<AuditEntry> items, long total) {
	}

}

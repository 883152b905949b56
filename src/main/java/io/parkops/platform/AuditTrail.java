package io.parkops.platform;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail (审计日志). Every change, export, access denial and sign-in
 * event is one record carrying the HMAC-SHA256 (under a key kept outside the database,
 * {@link AuditKey}) of its content and of the previous record's hash, so that whoever can
 * write the table still cannot rewrite it consistently; {@link #verify()} finds the first
 * broken link and compares the head with the last signed checkpoint, so that deleting the
 * newest records is found too. Records written before the HMAC chain carry plain SHA-256
 * ({@code alg}) and stay verifiable; none may follow an HMAC record.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	static final String SHA256 = "SHA-256";

	static final String HMAC = "HMAC-SHA256";

	private static final long CHAIN_LOCK = 0x5041524b4f505341L;

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final AuditKey key;

	private final AuditCheckpoints checkpoints;

	AuditTrail(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, AuditKey key, AuditCheckpoints checkpoints) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.key = key;
		this.checkpoints = checkpoints;
	}

	/**
	 * Records a change of an entity by the current user; before/after are serialised as
	 * JSON.
	 */
	@Transactional
	public void recordChange(String action, String entity, String entityId, Object before, Object after) {
		recordChanges(List.of(new Change(action, entity, entityId, before, after)));
	}

	/**
	 * Records many changes by the current user at once (an import's rows), chained in the
	 * given order and inserted in batches.
	 */
	@Transactional
	public void recordChanges(List<Change> changes) {
		String username = CurrentUser.usernameOrSystem();
		List<Pending> pending = new ArrayList<>(changes.size());
		for (Change c : changes) {
			pending.add(
					new Pending(username, c.action(), c.entity(), c.entityId(), toJson(c.before()), toJson(c.after())));
		}
		append(pending);
	}

	/**
	 * Records a sign-in outcome or another security event not tied to the current user.
	 */
	@Transactional
	public void recordEvent(String username, String action, String detail) {
		append(List.of(new Pending(username, action, "session", null, null, (detail == null) ? null : toJson(detail))));
	}

	/**
	 * Records a security event (an access denial, a sign-out) in a transaction of its
	 * own, so that it stays even when the surrounding work is rolled back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSecurityEvent(String username, String action, String entity, String entityId, Object detail) {
		append(List.of(new Pending((username != null) ? username : "anonymous", action, entity, entityId, null,
				toJson(detail))));
	}

	/** One change to record: before/after are serialised as JSON. */
	public record Change(String action, String entity, String entityId, Object before, Object after) {
	}

	private record Pending(String username, String action, String entity, String entityId, String before,
			String after) {
	}

	private void append(List<Pending> pending) {
		if (pending.isEmpty()) {
			return;
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query((rs, n) -> 1).list();
		Last last = this.jdbc.sql("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
			.query(Last.class)
			.optional()
			.orElse(new Last(0, GENESIS));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		String addr = remoteAddress();
		long seq = last.seq();
		String prev = last.hash();
		List<Object[]> rows = new ArrayList<>(Math.min(pending.size(), BATCH));
		for (Pending p : pending) {
			AuditEntry entry = new AuditEntry(++seq, now, p.username(), p.action(), p.entity(), p.entityId(),
					p.before(), p.after(), addr, prev, null, HMAC);
			String hash = hashOf(entry);
			rows.add(new Object[] { entry.seq(), at, p.username(), p.action(), p.entity(), p.entityId(), p.before(),
					p.after(), addr, prev, hash, HMAC });
			prev = hash;
			if (rows.size() == BATCH) {
				insert(rows);
				rows.clear();
			}
		}
		insert(rows);
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.template.batchUpdate("""
				INSERT INTO audit_record (seq, occurred_at, username, action, entity, entity_id, before_json,
				  after_json, remote_addr, prev_hash, hash, alg)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	/**
	 * Recomputes the chain from the first record and compares its head with the newest
	 * signed checkpoint; the first broken link (or the first missing record), if any, is
	 * reported.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		// read first: a checkpoint never refers to records this snapshot cannot see
		Optional<Checkpoint> checkpoint = this.checkpoints.latest();
		AtomicLong count = new AtomicLong();
		AtomicLong lastSeq = new AtomicLong();
		AtomicReference<String> prev = new AtomicReference<>(GENESIS);
		AtomicLong brokenAt = new AtomicLong(-1);
		AtomicReference<Boolean> hmacSeen = new AtomicReference<>(false);
		AtomicReference<String> atCheckpoint = new AtomicReference<>();
		long checkpointSeq = checkpoint.map(Checkpoint::seq).orElse(-1L);
		this.jdbc.sql("""
				SELECT seq, occurred_at, username, action, entity, entity_id, before_json, after_json,
				       remote_addr, prev_hash, hash, alg FROM audit_record ORDER BY seq
				""").query(rs -> {
			AuditEntry e = entry(rs);
			long expectedSeq = count.incrementAndGet();
			boolean downgrade = hmacSeen.get() && !HMAC.equals(e.alg());
			hmacSeen.set(hmacSeen.get() || HMAC.equals(e.alg()));
			if (brokenAt.get() < 0 && (e.seq() != expectedSeq || downgrade || !e.prevHash().equals(prev.get())
					|| !hashOf(e).equals(e.hash()))) {
				brokenAt.set(Math.min(e.seq(), expectedSeq));
			}
			if (e.seq() == checkpointSeq) {
				atCheckpoint.set(e.hash());
			}
			prev.set(e.hash());
			lastSeq.set(e.seq());
		});
		Boolean headMatches = null;
		if (checkpoint.isPresent()) {
			Checkpoint c = checkpoint.get();
			headMatches = (c.seq() == 0) ? true : c.headHash().equals(atCheckpoint.get());
			if (!headMatches && brokenAt.get() < 0) {
				brokenAt.set((atCheckpoint.get() == null) ? lastSeq.get() + 1 : c.seq());
			}
		}
		boolean intact = brokenAt.get() < 0;
		Long firstBreak = intact ? null : brokenAt.get();
		return new Verification(intact, count.get(), firstBreak, firstBreak, checkpoint.orElse(null), headMatches);
	}

	/**
	 * Signs the current head of the chain now and writes the checkpoint to the database
	 * and the file outside it; an external collector keeps what it is given.
	 */
	public Checkpoint checkpoint() {
		return this.checkpoints.write();
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
				       remote_addr, prev_hash, hash, alg FROM audit_record""" + where
				+ " ORDER BY seq DESC LIMIT :limit OFFSET :offset");
		for (var spec : List.of(count, rows)) {
			bind(spec, query);
		}
		long total = count.query(Long.class).single();
		List<AuditEntry> items = rows.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((rs, n) -> entry(rs))
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

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("username"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
				rs.getString("before_json"), rs.getString("after_json"), rs.getString("remote_addr"),
				rs.getString("prev_hash"), rs.getString("hash"), rs.getString("alg"));
	}

	/**
	 * The record's hash by its algorithm: HMAC-SHA256 under the key, or legacy SHA-256.
	 */
	String hashOf(AuditEntry e) {
		String canonical = String.join("\u001f", Long.toString(e.seq()),
				Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, e.occurredAt())), e.username(), e.action(),
				e.entity(), nullSafe(e.entityId()), nullSafe(e.before()), nullSafe(e.after()), nullSafe(e.remoteAddr()),
				e.prevHash());
		if (HMAC.equals(e.alg())) {
			return this.key.sign(canonical);
		}
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
			String entityId, String before, String after, String remoteAddr, String prevHash, String hash, String alg) {
	}

	/**
	 * The outcome of a verification: {@code brokenAt} (also {@code firstBreakSeq}) is the
	 * first record whose link fails or that is missing; {@code headMatchesCheckpoint} is
	 * null when no checkpoint was ever written.
	 */
	public record Verification(boolean intact, long records, Long brokenAt, Long firstBreakSeq, Checkpoint checkpoint,
			Boolean headMatchesCheckpoint) {
	}

	/**
	 * A signed checkpoint: the chain's sequence number and head hash at a moment, with
	 * the HMAC of (chain, seq, head, time).
	 */
	public record Checkpoint(String chainId, long seq, String headHash, Instant createdAt, String hmac) {
	}

	/** Search criteria; null fields are not filtered on. */
	public record AuditQuery(String user, String entity, String entityId, Instant from, Instant to, int page,
			int size) {
	}

	/** A page of records with the total count. */
	public record AuditPage(List<AuditEntry> items, long total) {
	}

}

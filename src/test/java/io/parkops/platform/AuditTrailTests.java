package io.parkops.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail against the real database: records are chained by HMACs under a key
 * outside the database, the application's role can neither change the table nor switch
 * its trigger off, an edit made by the table's owner is found at its record, and deleting
 * the newest records is found by the signed checkpoint.
 */
@ParkOpsTest
class AuditTrailTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Test
	void recordChangeAppendsARecordAndTheChainStaysIntact() {
		String id = TestApi.unique("thing-");
		long before = count();
		this.audit.recordChange("CREATE", "test-thing", id, null, Map.of("name", "first"));
		this.audit.recordChange("UPDATE", "test-thing", id, Map.of("name", "first"), Map.of("name", "second"));
		assertThat(count()).isEqualTo(before + 2);

		AuditTrail.AuditPage page = this.audit
			.search(new AuditTrail.AuditQuery(null, "test-thing", id, null, null, 0, 10));
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.items()).extracting(AuditTrail.AuditEntry::action).containsExactly("UPDATE", "CREATE");
		AuditTrail.AuditEntry update = page.items().get(0);
		assertThat(update.username()).isEqualTo("system");
		assertThat(update.before()).contains("first");
		assertThat(update.after()).contains("second");
		assertThat(update.prevHash()).isEqualTo(page.items().get(1).hash());
		assertThat(update.alg()).isEqualTo("HMAC-SHA256");

		AuditTrail.Verification verification = this.audit.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.records()).isEqualTo(count());
		assertThat(verification.brokenAt()).isNull();
		assertThat(verification.firstBreakSeq()).isNull();
	}

	@Test
	void theHashIsAnHmacUnderTheKeyFileOutsideTheDatabase() throws Exception {
		Path keyFile = Path.of(this.environment.getProperty("parkops.data-dir")).resolve("audit.key");
		assertThat(keyFile).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		String id = TestApi.unique("thing-");
		this.audit.recordChange("CREATE", "test-thing", id, null, Map.of("n", 1));
		AuditTrail.AuditEntry e = this.audit.search(new AuditTrail.AuditQuery(null, "test-thing", id, null, null, 0, 1))
			.items()
			.get(0);
		String canonical = canonical(e);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(HexFormat.of().parseHex(Files.readString(keyFile).trim()), "HmacSHA256"));
		assertThat(e.hash())
			.isEqualTo(HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8))))
			.isNotEqualTo(sha256(canonical));
		String key = Files.readString(keyFile).trim();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM platform_setting WHERE value LIKE '%' || ? || '%'",
				Long.class, key))
			.isZero();
	}

	@Test
	void recordsOfTheSha256ChainBeforeTheKeyStayVerifiable() {
		AuditTrail.AuditEntry legacy = new AuditTrail.AuditEntry(7, Instant.parse("2024-05-01T08:00:00.123456Z"),
				"admin", "CREATE", "zone", "yunxi", null, "{\"code\":\"yunxi\"}", "127.0.0.1", "0".repeat(64), null,
				"SHA-256");
		assertThat(this.audit.hashOf(legacy)).isEqualTo(sha256(canonical(legacy)));
		AuditTrail.AuditEntry keyed = new AuditTrail.AuditEntry(legacy.seq(), legacy.occurredAt(), legacy.username(),
				legacy.action(), legacy.entity(), legacy.entityId(), legacy.before(), legacy.after(),
				legacy.remoteAddr(), legacy.prevHash(), null, "HMAC-SHA256");
		assertThat(this.audit.hashOf(keyed)).isNotEqualTo(this.audit.hashOf(legacy)).hasSize(64);
	}

	@Test
	void theApplicationsRoleCannotChangeTheTrailNorSwitchItsTriggerOff() {
		this.audit.recordChange("CREATE", "test-thing", TestApi.unique("thing-"), null, Map.of("n", 1));
		long seq = lastSeq();
		assertThat(this.jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("parkops_app");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update"))
			.havingRootCause()
			.withMessageContaining("must be owner");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("SET session_replication_role = replica"))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE audit_record SET after_json = '{}' WHERE seq = ?", seq))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM audit_record WHERE seq = ?", seq))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("TRUNCATE audit_record"))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM audit_checkpoint"))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThat(this.jdbc.queryForObject("SELECT after_json FROM audit_record WHERE seq = ?", String.class, seq))
			.isEqualTo("{\"n\":1}");
		// the owner is still held by the trigger unless it switches it off
		owner((owner) -> assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> owner.update("UPDATE audit_record SET after_json = '{}' WHERE seq = ?", seq))
			.withMessageContaining("append-only"));
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void tamperingByTheOwnerIsFoundAtTheEditedRecord() {
		String id = TestApi.unique("thing-");
		this.audit.recordChange("CREATE", "test-thing", id, null, Map.of("amount", 100));
		long tampered = lastSeq();
		this.audit.recordChange("UPDATE", "test-thing", id, Map.of("amount", 100), Map.of("amount", 200));
		String original = this.jdbc.queryForObject("SELECT after_json FROM audit_record WHERE seq = ?", String.class,
				tampered);
		owner((owner) -> {
			owner.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update");
			try {
				owner.update("UPDATE audit_record SET after_json = ? WHERE seq = ?", "{\"amount\":1}", tampered);
				AuditTrail.Verification verification = this.audit.verify();
				assertThat(verification.intact()).isFalse();
				assertThat(verification.brokenAt()).isEqualTo(tampered);
				assertThat(verification.firstBreakSeq()).isEqualTo(tampered);
				assertThat(verification.records()).isEqualTo(count());
			}
			finally {
				owner.update("UPDATE audit_record SET after_json = ? WHERE seq = ?", original, tampered);
				owner.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update");
			}
		});
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aRecordRewrittenWithPlainSha256IsABreak() {
		this.audit.recordChange("CREATE", "test-thing", TestApi.unique("thing-"), null, Map.of("n", 1));
		long last = lastSeq();
		AuditTrail.AuditEntry head = this.audit.search(new AuditTrail.AuditQuery(null, null, null, null, null, 0, 1))
			.items()
			.get(0);
		Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		AuditTrail.AuditEntry forged = new AuditTrail.AuditEntry(last + 1, at, "mallory", "CREATE", "test-thing",
				"forged", null, "{}", null, head.hash(), null, "SHA-256");
		owner((owner) -> {
			owner.update(
					"""
							INSERT INTO audit_record (seq, occurred_at, username, action, entity, entity_id, after_json,
							  prev_hash, hash, alg) VALUES (?, ?, 'mallory', 'CREATE', 'test-thing', 'forged', '{}', ?, ?, 'SHA-256')
							""",
					forged.seq(), java.sql.Timestamp.from(at), head.hash(), sha256(canonical(forged)));
			try {
				AuditTrail.Verification verification = this.audit.verify();
				assertThat(verification.intact()).isFalse();
				assertThat(verification.firstBreakSeq()).isEqualTo(last + 1);
			}
			finally {
				owner.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update");
				owner.update("DELETE FROM audit_record WHERE seq = ?", last + 1);
				owner.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update");
			}
		});
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void deletingTheNewestRecordsIsFoundByTheSignedCheckpoint() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.audit.recordChange("CREATE", "test-thing", TestApi.unique("thing-"), null, Map.of("n", i));
		}
		long head = lastSeq();
		AuditTrail.Checkpoint checkpoint = this.audit.checkpoint();
		assertThat(checkpoint.seq()).isEqualTo(head);
		List<String> lines = Files
			.readAllLines(Path.of(this.environment.getProperty("parkops.data-dir"), "audit", "checkpoints.log"));
		assertThat(lines.get(lines.size() - 1)).contains(" " + head + " " + checkpoint.headHash() + " ")
			.endsWith(checkpoint.hmac());
		assertThat(this.audit.verify().headMatchesCheckpoint()).isTrue();

		owner((owner) -> {
			owner.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_record WHERE seq >= " + (head - 1));
			owner.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update");
			try {
				owner.update("DELETE FROM audit_record WHERE seq >= ?", head - 1);
				AuditTrail.Verification verification = this.audit.verify();
				// the chain of what is left is consistent; only the checkpoint shows the
				// loss
				assertThat(verification.intact()).isFalse();
				assertThat(verification.headMatchesCheckpoint()).isFalse();
				assertThat(verification.firstBreakSeq()).isEqualTo(head - 1);
				assertThat(verification.records()).isEqualTo(head - 2);
			}
			finally {
				owner.execute("INSERT INTO audit_record SELECT * FROM saved");
				owner.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update");
			}
		});
		AuditTrail.Verification restored = this.audit.verify();
		assertThat(restored.intact()).isTrue();
		assertThat(restored.headMatchesCheckpoint()).isTrue();
	}

	/**
	 * Runs the work on one connection as the owner of the tables (the role migrations run
	 * as), the only role that could switch the trigger off.
	 */
	private void owner(java.util.function.Consumer<JdbcTemplate> work) {
		SingleConnectionDataSource ds = new SingleConnectionDataSource(
				this.environment.getProperty("spring.flyway.url"), this.environment.getProperty("spring.flyway.user"),
				this.environment.getProperty("spring.flyway.password", ""), true);
		try {
			JdbcTemplate owner = new JdbcTemplate(ds);
			assertThat(owner.queryForObject("SELECT current_user", String.class)).isEqualTo("parkops_owner");
			work.accept(owner);
		}
		finally {
			ds.destroy();
		}
	}

	private static String canonical(AuditTrail.AuditEntry e) {
		return String.join("\u001f", Long.toString(e.seq()),
				Long.toString(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, e.occurredAt())),
				e.username(), e.action(), e.entity(), nz(e.entityId()), nz(e.before()), nz(e.after()),
				nz(e.remoteAddr()), e.prevHash());
	}

	private static String nz(String s) {
		return (s != null) ? s : "\u0000";
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM audit_record", Long.class);
	}

	private long lastSeq() {
		return this.jdbc.queryForObject("SELECT max(seq) FROM audit_record", Long.class);
	}

}

package io.parkops.platform;

import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail against the real database: records are chained by hashes, the table
 * refuses updates and deletes, and an edit made behind the application's back is found.
 */
@ParkOpsTest
class AuditTrailTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

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

		AuditTrail.Verification verification = this.audit.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.records()).isEqualTo(count());
		assertThat(verification.brokenAt()).isNull();
	}

	@Test
	void plainUpdateDeleteAndTruncateAreRefused() {
		this.audit.recordChange("CREATE", "test-thing", TestApi.unique("thing-"), null, Map.of("n", 1));
		long seq = lastSeq();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE audit_record SET after_json = '{}' WHERE seq = ?", seq))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM audit_record WHERE seq = ?", seq))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("TRUNCATE audit_record"))
			.withMessageContaining("append-only");
		assertThat(this.jdbc.queryForObject("SELECT after_json FROM audit_record WHERE seq = ?", String.class, seq))
			.isEqualTo("{\"n\":1}");
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void tamperingIsFoundAtTheEditedRecord() {
		String id = TestApi.unique("thing-");
		this.audit.recordChange("CREATE", "test-thing", id, null, Map.of("amount", 100));
		long tampered = lastSeq();
		this.audit.recordChange("UPDATE", "test-thing", id, Map.of("amount", 100), Map.of("amount", 200));
		String original = this.jdbc.queryForObject("SELECT after_json FROM audit_record WHERE seq = ?", String.class,
				tampered);
		this.jdbc.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update");
		try {
			this.jdbc.update("UPDATE audit_record SET after_json = ? WHERE seq = ?", "{\"amount\":1}", tampered);
			AuditTrail.Verification verification = this.audit.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(tampered);
			assertThat(verification.records()).isEqualTo(count());
		}
		finally {
			this.jdbc.update("UPDATE audit_record SET after_json = ? WHERE seq = ?", original, tampered);
			this.jdbc.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update");
		}
		assertThat(this.audit.verify().intact()).isTrue();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE audit_record SET after_json = '{}' WHERE seq = ?", tampered));
	}

	private long count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM audit_record", Long.class);
	}

	private long lastSeq() {
		return this.jdbc.queryForObject("SELECT max(seq) FROM audit_record", Long.class);
	}

}

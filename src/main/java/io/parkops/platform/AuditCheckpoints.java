package io.parkops.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chain (sequence number and hash of its head), kept in
 * the database and appended to {@code <data dir>/audit/checkpoints.log}, outside it. A
 * checkpoint whose record is gone or differs shows that the newest records were deleted
 * or replaced, which the chain alone cannot show. Written at start, every
 * {@code parkops.audit.checkpoint-interval} (one node, ShedLock) and on demand.
 */
@Component
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final JdbcClient jdbc;

	private final AuditKey key;

	AuditCheckpoints(JdbcClient jdbc, AuditKey key) {
		this.jdbc = jdbc;
		this.key = key;
	}

	Path file() {
		return this.key.dataDir().resolve("audit").resolve("checkpoints.log");
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		write();
	}

	@Scheduled(fixedDelayString = "${parkops.audit.checkpoint-interval:PT10M}",
			initialDelayString = "${parkops.audit.checkpoint-interval:PT10M}")
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
	void scheduled() {
		write();
	}

	/** Signs the current head of the chain and writes it to the database and the file. */
	synchronized AuditTrail.Checkpoint write() {
		String chain = chainId();
		Head head = this.jdbc.sql("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
			.query(Head.class)
			.optional()
			.orElse(new Head(0, AuditTrail.GENESIS));
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		AuditTrail.Checkpoint checkpoint = new AuditTrail.Checkpoint(chain, head.seq(), head.hash(), at,
				this.key.sign(signed(chain, head.seq(), head.hash(), at)));
		this.jdbc.sql("""
				INSERT INTO audit_checkpoint (chain_id, seq, head_hash, created_at, hmac)
				VALUES (:chain, :seq, :head, :at, :hmac)
				""")
			.param("chain", chain)
			.param("seq", checkpoint.seq())
			.param("head", checkpoint.headHash())
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("hmac", checkpoint.hmac())
			.update();
		try {
			Path file = file();
			Files.createDirectories(file.getParent());
			if (!Files.exists(file)) {
				AuditKey.createOwnerOnly(file);
			}
			Files.writeString(file,
					String.join(" ", chain, Long.toString(checkpoint.seq()), checkpoint.headHash(), at.toString(),
							checkpoint.hmac()) + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not append the audit checkpoint to " + file(), ex);
		}
		return checkpoint;
	}

	/**
	 * The newest validly signed checkpoint of this chain, from the file and the database
	 * together (whichever reaches further).
	 */
	Optional<AuditTrail.Checkpoint> latest() {
		String chain = chainId();
		List<AuditTrail.Checkpoint> found = new ArrayList<>();
		this.jdbc.sql("""
				SELECT chain_id, seq, head_hash, created_at, hmac FROM audit_checkpoint
				WHERE chain_id = :chain ORDER BY seq DESC, id DESC LIMIT 20
				""")
			.param("chain", chain)
			.query((rs, n) -> new AuditTrail.Checkpoint(rs.getString("chain_id"), rs.getLong("seq"),
					rs.getString("head_hash"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getString("hmac")))
			.list()
			.forEach(found::add);
		Path file = file();
		if (Files.exists(file)) {
			try {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					String[] p = line.trim().split(" ");
					if (p.length == 5 && p[0].equals(chain)) {
						found.add(
								new AuditTrail.Checkpoint(p[0], Long.parseLong(p[1]), p[2], Instant.parse(p[3]), p[4]));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not read the audit checkpoints in {}", file, ex);
			}
		}
		return found.stream()
			.filter((c) -> this.key.sign(signed(c.chainId(), c.seq(), c.headHash(), c.createdAt())).equals(c.hmac()))
			.max(Comparator.comparingLong(AuditTrail.Checkpoint::seq));
	}

	private String chainId() {
		return this.jdbc.sql("SELECT value FROM platform_setting WHERE key = 'audit.chain'")
			.query(String.class)
			.optional()
			.orElse("none");
	}

	private static String signed(String chain, long seq, String head, Instant at) {
		return String.join("\u001f", "checkpoint", chain, Long.toString(seq), head,
				Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)));
	}

	private record Head(long seq, String hash) {
	}

}

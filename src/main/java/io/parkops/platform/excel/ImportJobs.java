package io.parkops.platform.excel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.parkops.platform.CurrentUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long imports as durable jobs in PostgreSQL: {@link #start} stores the file and its
 * parameters as a QUEUED job; a worker on any node claims it ({@code FOR UPDATE SKIP
 * LOCKED}), runs it as the user who started it and holds a lease it renews while working.
 * A job whose lease runs out, because its node died, is marked INTERRUPTED by whichever
 * node looks next: its import transaction died with the node, so nothing of it is stored.
 * Progress is committed in transactions of its own so the page's bar moves; the outcome
 * DONE is written in the import's own transaction, so it is stored exactly when the rows
 * are.
 */
@Component
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final int WORKERS = 2;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectProvider<Handler> handlers;

	private final ObjectProvider<UserDetailsService> users;

	private final TransactionTemplate inTransaction;

	private final TransactionTemplate apart;

	private final String node;

	private final Duration lease;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread t = new Thread(r, "import-jobs-poller");
		t.setDaemon(true);
		return t;
	});

	private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, (r) -> {
		Thread t = new Thread(r, "import-job");
		t.setDaemon(true);
		return t;
	});

	private final Semaphore free = new Semaphore(WORKERS);

	public ImportJobs(JdbcClient jdbc, JsonMapper json, ObjectProvider<Handler> handlers,
			ObjectProvider<UserDetailsService> users, PlatformTransactionManager transactions, Environment env) {
		this.jdbc = jdbc;
		this.json = json;
		this.handlers = handlers;
		this.users = users;
		this.inTransaction = new TransactionTemplate(transactions);
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.lease = env.getProperty("parkops.imports.lease", Duration.class, Duration.ofSeconds(30));
		this.node = env.getProperty("parkops.node-id", hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
	}

	/**
	 * Runs one kind of import; implemented by the modules. {@code run} returns the number
	 * of rows imported or throws {@link ImportFailedException}; it runs in the job's
	 * transaction as the user who started the job.
	 */
	public interface Handler {

		String kind();

		int run(ImportFile file, Map<String, String> params, Progress progress);

	}

	/** The uploaded file: its name, content and SHA-256 (hex). */
	public record ImportFile(String name, byte[] content, String sha256) {

		public static ImportFile of(String name, byte[] content) {
			try {
				return new ImportFile((name != null) ? name : "upload.xlsx", content,
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		public java.io.InputStream open() {
			return new java.io.ByteArrayInputStream(this.content);
		}

	}

	/**
	 * The state of a job: QUEUED, RUNNING, DONE (with rows), FAILED (with errors) or
	 * INTERRUPTED (its node stopped during the import; nothing was stored).
	 */
	public record Job(UUID id, String kind, String status, int total, int done, Integer rows, List<ImportError> errors,
			String fileName) {

		public int percent() {
			return (this.total > 0) ? Math.min(100, this.done * 100 / this.total) : 0;
		}

		/** Whether the page should keep polling. */
		public boolean pending() {
			return "QUEUED".equals(this.status) || "RUNNING".equals(this.status);
		}

	}

	/**
	 * Queues the import of the file by the current user. With a worker free, this node
	 * claims it at once; otherwise any node's worker takes it from the queue.
	 */
	public UUID start(String kind, ImportFile file, Map<String, String> params) {
		// an .xlsx is a zip archive: anything else is refused before it is queued
		byte[] content = file.content();
		if (content == null || content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3
				|| content[3] != 4) {
			throw io.parkops.platform.InvalidInputException.of("file", "error.import.unreadable");
		}
		UUID id = UUID.randomUUID();
		boolean here = this.free.tryAcquire();
		this.jdbc
			.sql("""
					INSERT INTO import_job (id, kind, username, status, file_name, file_sha256, params_json, locale, payload,
					  owner_node, started_at, lease_until)
					VALUES (:id, :k, :u, :status, :name, :sha, :params, :locale, :payload, :node,
					  CASE WHEN :here THEN now() END, CASE WHEN :here THEN now() + (:lease * interval '1 second') END)
					""")
			.param("id", id)
			.param("k", kind)
			.param("u", CurrentUser.get().username())
			.param("status", here ? "RUNNING" : "QUEUED")
			.param("name", file.name())
			.param("sha", file.sha256())
			.param("params", this.json.writeValueAsString(params))
			.param("locale", LocaleContextHolder.getLocale().toLanguageTag())
			.param("payload", file.content())
			.param("node", here ? this.node : null)
			.param("here", here)
			.param("lease", this.lease.toSeconds())
			.update();
		if (here) {
			Claimed claimed = new Claimed(id, kind, CurrentUser.get().username(), this.json.writeValueAsString(params),
					LocaleContextHolder.getLocale().toLanguageTag(), file.name(), file.sha256(), file.content());
			submit(claimed);
		}
		else {
			this.timer.execute(this::poll);
		}
		return id;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startWorking() {
		long every = Math.max(1000, this.lease.toMillis() / 3);
		this.timer.scheduleWithFixedDelay(this::poll, 1000, 1000, TimeUnit.MILLISECONDS);
		this.timer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Marks jobs of dead nodes interrupted, then claims queued jobs while workers are
	 * free.
	 */
	void poll() {
		try {
			recover();
			while (this.free.tryAcquire()) {
				Optional<Claimed> claimed = claim();
				if (claimed.isEmpty()) {
					this.free.release();
					return;
				}
				submit(claimed.get());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Import job poll failed: {}", ex.toString());
		}
	}

	private void submit(Claimed job) {
		this.workers.execute(() -> {
			try {
				run(job);
			}
			finally {
				this.free.release();
			}
		});
	}

	/** Jobs whose node stopped renewing their lease: their import died with the node. */
	int recover() {
		int n = this.jdbc.sql("""
				UPDATE import_job SET status = 'INTERRUPTED', payload = NULL, finished_at = now()
				WHERE status = 'RUNNING' AND lease_until < now()
				""").update();
		if (n > 0) {
			log.warn("{} import job(s) interrupted: their node stopped during the import; nothing of them is stored",
					n);
		}
		return n;
	}

	private record Claimed(UUID id, String kind, String username, String params, String locale, String fileName,
			String sha256, byte[] payload) {
	}

	private Optional<Claimed> claim() {
		return this.jdbc.sql("""
				UPDATE import_job SET status = 'RUNNING', owner_node = :node, started_at = now(),
				  lease_until = now() + (:lease * interval '1 second')
				WHERE id = (SELECT id FROM import_job WHERE status = 'QUEUED' ORDER BY created_at
				            FOR UPDATE SKIP LOCKED LIMIT 1)
				RETURNING id, kind, username, params_json, locale, file_name, file_sha256, payload
				""")
			.param("node", this.node)
			.param("lease", this.lease.toSeconds())
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("username"), rs.getString("params_json"), rs.getString("locale"),
					rs.getString("file_name"), rs.getString("file_sha256"), rs.getBytes("payload")))
			.optional();
	}

	private void renewLeases() {
		try {
			this.jdbc.sql("""
					UPDATE import_job SET lease_until = now() + (:lease * interval '1 second')
					WHERE owner_node = :node AND status = 'RUNNING'
					""").param("node", this.node).param("lease", this.lease.toSeconds()).update();
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the import leases: {}", ex.toString());
		}
	}

	private void run(Claimed job) {
		LocaleContextHolder.setLocale((job.locale() != null) ? Locale.forLanguageTag(job.locale()) : Locale.CHINA);
		try {
			Handler handler = this.handlers.stream()
				.filter((h) -> h.kind().equals(job.kind()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No import handler for " + job.kind()));
			UserDetails user = this.users.getObject().loadUserByUsername(job.username());
			if (!user.isEnabled() || !user.isAccountNonLocked()) {
				throw new ImportFailedException(List.of(new ImportError(0, "", "error.forbidden")));
			}
			SecurityContextHolder.getContext()
				.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
			Map<String, String> params = this.json.readValue(job.params(), new TypeReference<Map<String, String>>() {
			});
			ImportFile file = new ImportFile(job.fileName(), job.payload(), job.sha256());
			this.inTransaction.executeWithoutResult((status) -> {
				int rows = handler.run(file, params, new JobProgress(job.id()));
				int updated = this.jdbc.sql("""
						UPDATE import_job SET status = 'DONE', result_json = :r, done = total, payload = NULL,
						  finished_at = now() WHERE id = :id AND owner_node = :node AND status = 'RUNNING'
						""")
					.param("r", this.json.writeValueAsString(Map.of("rows", rows)))
					.param("id", job.id())
					.param("node", this.node)
					.update();
				if (updated == 0) {
					// another node declared this job interrupted: store nothing, as it
					// says
					throw new IllegalStateException("Import job " + job.id() + " lost its lease");
				}
			});
		}
		catch (ImportFailedException ex) {
			fail(job.id(), ex.errors());
		}
		catch (RuntimeException ex) {
			log.error("Import {} failed", job.id(), ex);
			fail(job.id(), List.of(new ImportError(0, "", "error.internal")));
		}
		finally {
			SecurityContextHolder.clearContext();
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private void fail(UUID id, List<ImportError> errors) {
		this.jdbc.sql("""
				UPDATE import_job SET status = 'FAILED', result_json = :r, done = total, payload = NULL,
				  finished_at = now() WHERE id = :id AND owner_node = :node AND status = 'RUNNING'
				""")
			.param("r", this.json.writeValueAsString(Map.of("errors", errors)))
			.param("id", id)
			.param("node", this.node)
			.update();
	}

	/** The job, if it belongs to the current user. */
	public Optional<Job> find(UUID id) {
		return this.jdbc.sql("""
				SELECT id, kind, status, total, done, result_json, file_name FROM import_job
				WHERE id = :id AND username = :u
				""").param("id", id).param("u", CurrentUser.get().username()).query((rs, n) -> {
			Integer rows = null;
			List<ImportError> errors = List.of();
			String result = rs.getString("result_json");
			if (result != null) {
				Outcome outcome = this.json.readValue(result, new TypeReference<Outcome>() {
				});
				rows = outcome.rows();
				errors = (outcome.errors() != null) ? outcome.errors() : List.of();
			}
			return new Job(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("status"),
					rs.getInt("total"), rs.getInt("done"), rows, errors, rs.getString("file_name"));
		}).optional();
	}

	private record Outcome(Integer rows, List<ImportError> errors) {
	}

	/** Writes progress in transactions of its own, renewing the lease as it goes. */
	private final class JobProgress implements Progress {

		private final UUID id;

		private long lastWrite;

		JobProgress(UUID id) {
			this.id = id;
		}

		@Override
		public void total(int steps) {
			// the next step is written whatever the time since the last
			this.lastWrite = 0;
			ImportJobs.this.apart
				.executeWithoutResult((s) -> ImportJobs.this.jdbc.sql("UPDATE import_job SET total = :t WHERE id = :id")
					.param("t", steps)
					.param("id", this.id)
					.update());
		}

		@Override
		public void done(int steps) {
			long now = System.currentTimeMillis();
			if (now - this.lastWrite > 300) {
				this.lastWrite = now;
				ImportJobs.this.apart.executeWithoutResult((s) -> ImportJobs.this.jdbc.sql("""
						UPDATE import_job SET done = :d, lease_until = now() + (:lease * interval '1 second')
						WHERE id = :id AND owner_node = :node
						""")
					.param("d", steps)
					.param("lease", ImportJobs.this.lease.toSeconds())
					.param("id", this.id)
					.param("node", ImportJobs.this.node)
					.update());
			}
		}

	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
		this.workers.shutdown();
	}

}

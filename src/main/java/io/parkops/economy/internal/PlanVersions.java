package io.parkops.economy.internal;

import io.parkops.platform.ConflictException;
import io.parkops.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of the economy department's plan records (a zone's figures of a month, its
 * targets of a year, a year's price index). A save names the version it read; the step to
 * the next version is one conditional statement, so of two saves of the same version one
 * wins and the other gets 409 and changes nothing.
 */
@Repository
class PlanVersions {

	enum Kind {

		ZONE_FIGURES, TARGETS, PRICE_INDEX

	}

	private final JdbcClient jdbc;

	PlanVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The record's version; 0 when it was never saved. */
	long current(Kind kind, String zone, String period) {
		return this.jdbc
			.sql("SELECT version FROM economy_plan_version WHERE kind = :k AND zone_code = :z AND period = :p")
			.param("k", kind.name())
			.param("z", zone)
			.param("p", period)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Steps the record from {@code expected} to the next version, or throws: 400 when no
	 * version was sent, 409 when it is not the current one (someone saved in between).
	 * Call it before writing, in the write's transaction.
	 * @return the new version
	 */
	long advance(Kind kind, String zone, String period, Long expected) {
		if (expected == null) {
			throw InvalidInputException.of("version", "error.required");
		}
		int changed = (expected == 0) ? this.jdbc.sql("""
				INSERT INTO economy_plan_version (kind, zone_code, period, version) VALUES (:k, :z, :p, 1)
				ON CONFLICT DO NOTHING
				""").param("k", kind.name()).param("z", zone).param("p", period).update() : this.jdbc.sql("""
				UPDATE economy_plan_version SET version = version + 1
				WHERE kind = :k AND zone_code = :z AND period = :p AND version = :v
				""").param("k", kind.name()).param("z", zone).param("p", period).param("v", expected).update();
		if (changed != 1) {
			throw new ConflictException("error.staleVersion");
		}
		return expected + 1;
	}

}

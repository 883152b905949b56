package io.parkops.safety.internal;

import java.time.LocalDate;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.PlanView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the remediation plans (治理方案) of major hazards.
 */
@Repository
class HazardPlanStore {

	private final JdbcClient jdbc;

	HazardPlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PlanView> plan(long hazardId) {
		return this.jdbc.sql("SELECT * FROM safety_hazard_plan WHERE hazard_id = :id")
			.param("id", hazardId)
			.query((rs, n) -> new PlanView(rs.getString("target"), rs.getString("measures"), rs.getBigDecimal("funds"),
					rs.getString("people"), rs.getObject("deadline", LocalDate.class), rs.getString("safety_measures"),
					rs.getString("updated_by"), rs.getLong("version")))
			.optional();
	}

	/**
	 * Writes a plan: a new one when {@code version} is null (none if one exists), else
	 * the one at that version.
	 * @return the number of rows written: 0 when someone else was first
	 */
	int savePlan(long hazardId, SafetyCommands.RemediationPlan p, LocalDate deadline, String by) {
		return this.jdbc.sql((p.version() == null) ? """
				INSERT INTO safety_hazard_plan (hazard_id, target, measures, funds, people, deadline, safety_measures,
				  updated_by) VALUES (:id, :target, :measures, :funds, :people, :deadline, :safety, :by)
				ON CONFLICT (hazard_id) DO NOTHING
				""" : """
				UPDATE safety_hazard_plan SET target = :target, measures = :measures, funds = :funds, people = :people,
				  deadline = :deadline, safety_measures = :safety, updated_by = :by, updated_at = now(),
				  version = version + 1
				WHERE hazard_id = :id AND version = :version
				""")
			.param("id", hazardId)
			.param("version", p.version())
			.param("target", p.target().trim())
			.param("measures", p.measures().trim())
			.param("funds", p.funds())
			.param("people", p.people())
			.param("deadline", deadline)
			.param("safety", p.safetyMeasures())
			.param("by", by)
			.update();
	}

}

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

	void savePlan(long hazardId, SafetyCommands.RemediationPlan p, LocalDate deadline, String by) {
		this.jdbc.sql("""
				INSERT INTO safety_hazard_plan (hazard_id, target, measures, funds, people, deadline, safety_measures,
				  updated_by) VALUES (:id, :target, :measures, :funds, :people, :deadline, :safety, :by)
				ON CONFLICT (hazard_id) DO UPDATE SET target = EXCLUDED.target, measures = EXCLUDED.measures,
				  funds = EXCLUDED.funds, people = EXCLUDED.people, deadline = EXCLUDED.deadline,
				  safety_measures = EXCLUDED.safety_measures, updated_by = EXCLUDED.updated_by, updated_at = now(),
				  version = safety_hazard_plan.version + 1
				""")
			.param("id", hazardId)
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

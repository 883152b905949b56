package io.parkops.safety.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.DutyView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the duty roster (值班).
 */
@Repository
class DutyStore {

	private final JdbcClient jdbc;

	DutyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a day of the duty roster: a new entry when {@code version} is null (none if
	 * the day has one), else the entry at that version.
	 * @return the number of rows written: 0 when someone else was first
	 */
	int saveDuty(String zone, LocalDate on, String leader, String staff, String phone, String by, Long version) {
		return this.jdbc.sql((version == null) ? """
				INSERT INTO safety_duty (zone_code, duty_on, leader, staff, phone, updated_by)
				VALUES (:zone, :on, :leader, :staff, :phone, :by)
				ON CONFLICT (zone_code, duty_on) DO NOTHING
				""" : """
				UPDATE safety_duty SET leader = :leader, staff = :staff, phone = :phone, updated_by = :by,
				  version = version + 1
				WHERE zone_code = :zone AND duty_on = :on AND version = :version
				""")
			.param("version", version)
			.param("zone", zone)
			.param("on", on)
			.param("leader", leader)
			.param("staff", staff)
			.param("phone", phone)
			.param("by", by)
			.update();
	}

	Optional<DutyView> duty(String zone, LocalDate on) {
		return roster(zone, on, on).stream().findFirst();
	}

	List<DutyView> roster(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT * FROM safety_duty WHERE zone_code = :zone AND duty_on BETWEEN :from AND :to ORDER BY duty_on
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new DutyView(rs.getString("zone_code"), rs.getObject("duty_on", LocalDate.class),
					rs.getString("leader"), rs.getString("staff"), rs.getString("phone"), rs.getLong("version")))
			.list();
	}

}

package io.parkops.platform.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes user accounts with their roles, permissions and zones.
 */
@Repository
class UserStore {

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored account. */
	record UserRow(long id, String username, String passwordHash, String displayName, String phone, Long departmentId,
			String enterpriseCreditCode, boolean enabled, boolean mustChangePassword, int failedAttempts,
			OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt, long version, long securityVersion) {

		boolean lockedAt(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.toInstant().isAfter(now);
		}

	}

	Optional<UserRow> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM app_user WHERE username = :u")
			.param("u", username)
			.query(UserRow.class)
			.optional();
	}

	Optional<UserRow> findById(long id) {
		return this.jdbc.sql("SELECT * FROM app_user WHERE id = :id").param("id", id).query(UserRow.class).optional();
	}

	Set<String> roles(long userId) {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT role_code FROM user_role WHERE user_id = :id ORDER BY 1")
			.param("id", userId)
			.query(String.class)
			.list());
	}

	Set<String> permissions(long userId) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				SELECT DISTINCT rp.permission_code FROM user_role ur
				JOIN role_permission rp ON rp.role_code = ur.role_code WHERE ur.user_id = :id ORDER BY 1
				""").param("id", userId).query(String.class).list());
	}

	Set<String> zones(long userId) {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT zone_code FROM user_zone WHERE user_id = :id ORDER BY 1")
			.param("id", userId)
			.query(String.class)
			.list());
	}

	long insert(String username, String passwordHash, String displayName, String phone, Long departmentId,
			String enterpriseCreditCode, boolean mustChange) {
		return this.jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, phone, department_id,
				  enterprise_credit_code, must_change_password)
				VALUES (:u, :p, :d, :phone, :dept, :ent, :must) RETURNING id
				""")
			.param("u", username)
			.param("p", passwordHash)
			.param("d", displayName)
			.param("phone", phone)
			.param("dept", departmentId)
			.param("ent", enterpriseCreditCode)
			.param("must", mustChange)
			.query(Long.class)
			.single();
	}

	void replaceRoles(long userId, List<String> roles) {
		this.jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
		for (String role : roles) {
			this.jdbc.sql("INSERT INTO user_role (user_id, role_code) VALUES (:id, :r)")
				.param("id", userId)
				.param("r", role)
				.update();
		}
	}

	void replaceZones(long userId, List<String> zones) {
		this.jdbc.sql("DELETE FROM user_zone WHERE user_id = :id").param("id", userId).update();
		for (String zone : zones) {
			this.jdbc.sql("INSERT INTO user_zone (user_id, zone_code) VALUES (:id, :z)")
				.param("id", userId)
				.param("z", zone)
				.update();
		}
	}

	int updateProfile(long id, long version, String displayName, String phone, Long departmentId,
			String enterpriseCreditCode, boolean enabled, boolean mustChange) {
		return this.jdbc.sql("""
				UPDATE app_user SET display_name = :d, phone = :phone, department_id = :dept,
				  enterprise_credit_code = :ent, enabled = :enabled, must_change_password = :must,
				  version = version + 1, security_version = security_version + 1
				WHERE id = :id AND version = :v
				""")
			.param("d", displayName)
			.param("phone", phone)
			.param("dept", departmentId)
			.param("ent", enterpriseCreditCode)
			.param("enabled", enabled)
			.param("must", mustChange)
			.param("id", id)
			.param("v", version)
			.update();
	}

	void updatePassword(long id, String hash, boolean mustChange) {
		this.jdbc.sql("""
				UPDATE app_user SET password_hash = :h, must_change_password = :m, version = version + 1,
				  security_version = security_version + 1
				WHERE id = :id
				""").param("h", hash).param("m", mustChange).param("id", id).update();
	}

	void recordFailure(String username, int maxAttempts, Instant lockUntil) {
		this.jdbc.sql("""
				UPDATE app_user SET
				  failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
				                         ELSE failed_attempts + 1 END,
				  locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN NULL
				                      WHEN locked_until IS NOT NULL THEN locked_until
				                      WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
				WHERE username = :u
				""")
			.param("max", maxAttempts)
			.param("until", OffsetDateTime.ofInstant(lockUntil, ZoneOffset.UTC))
			.param("u", username)
			.update();
	}

	/** What each request of an open session checks: one row by primary key. */
	record AccountState(boolean enabled, OffsetDateTime lockedUntil, long securityVersion) {

		boolean lockedAt(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.toInstant().isAfter(now);
		}

	}

	Optional<AccountState> state(long id) {
		return this.jdbc.sql("SELECT enabled, locked_until, security_version FROM app_user WHERE id = :id")
			.param("id", id)
			.query(AccountState.class)
			.optional();
	}

	void recordSuccess(String username) {
		this.jdbc.sql("""
				UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = now()
				WHERE username = :u
				""").param("u", username).update();
	}

	void unlock(long id) {
		this.jdbc.sql("""
				UPDATE app_user SET failed_attempts = 0, locked_until = NULL, security_version = security_version + 1
				WHERE id = :id
				""").param("id", id).update();
	}

	/** One row of the user list. */
	record UserListRow(long id, String username, String displayName, String enterpriseCreditCode, boolean enabled,
			boolean mustChangePassword, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt, String roles,
			String zones, String department) {
	}

	List<UserListRow> list(String q, String role, String zone, int page, int size) {
		return this.jdbc.sql(listSql("""
				SELECT u.id, u.username, u.display_name, u.enterprise_credit_code, u.enabled, u.must_change_password,
				  u.locked_until, u.last_login_at,
				  (SELECT string_agg(role_code, ',' ORDER BY role_code) FROM user_role WHERE user_id = u.id) AS roles,
				  (SELECT string_agg(zone_code, ',' ORDER BY zone_code) FROM user_zone WHERE user_id = u.id) AS zones,
				  d.name AS department
				FROM app_user u LEFT JOIN department d ON d.id = u.department_id
				""", q, role, zone) + " ORDER BY u.username LIMIT :limit OFFSET :offset")
			.param("q", like(q))
			.param("role", role)
			.param("zone", zone)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UserListRow.class)
			.list();
	}

	long count(String q, String role, String zone) {
		return this.jdbc.sql(listSql("SELECT count(*) FROM app_user u", q, role, zone))
			.param("q", like(q))
			.param("role", role)
			.param("zone", zone)
			.query(Long.class)
			.single();
	}

	private static String listSql(String select, String q, String role, String zone) {
		StringBuilder sql = new StringBuilder(select).append(" WHERE 1=1");
		if (q != null) {
			sql.append(" AND (u.username ILIKE :q OR u.display_name ILIKE :q)");
		}
		if (role != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role_code = :role)");
		}
		if (zone != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM user_zone z WHERE z.user_id = u.id AND z.zone_code = :zone)");
		}
		return sql.toString();
	}

	private static String like(String q) {
		return (q != null) ? "%" + q.replace("%", "\\%").replace("_", "\\_") + "%" : null;
	}

}

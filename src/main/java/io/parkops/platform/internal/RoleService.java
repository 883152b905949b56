package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and their permissions ({@code module:resource:action}), kept by the security
 * administrator. The separation of duties (三员分立) is enforced here: the permissions of
 * {@code ADMIN}, {@code SECURITY_ADMIN} and {@code AUDITOR} are fixed, nobody edits a
 * role they hold, and {@code system:*} and {@code audit:*} permissions are never granted.
 */
@Service
class RoleService {

	static final String ADMIN = "ADMIN";

	static final String SECURITY_ADMIN = "SECURITY_ADMIN";

	static final String AUDITOR = "AUDITOR";

	/** The three administrators: fixed permissions, each held alone. */
	static final Set<String> ADMINISTRATORS = Set.of(ADMIN, SECURITY_ADMIN, AUDITOR);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	RoleService(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A role with its permissions. */
	record Role(String code, String nameZh, String nameEn, boolean builtin, Set<String> permissions, long version) {
	}

	/** A permission of the catalogue. */
	record Permission(String code, String module, String nameZh, String nameEn) {
	}

	List<Permission> catalogue() {
		return this.jdbc.sql("SELECT code, module, name_zh, name_en FROM permission ORDER BY module, code")
			.query(Permission.class)
			.list();
	}

	List<Role> roles() {
		return this.jdbc.sql("SELECT code, name_zh, name_en, builtin, version FROM role ORDER BY builtin DESC, code")
			.query((rs, n) -> new Role(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					permissionsOf(rs.getString(1)), rs.getLong(5)))
			.list();
	}

	Role role(String code) {
		return roles().stream()
			.filter((r) -> r.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.role.notFound", code));
	}

	boolean exists(String code) {
		return this.jdbc.sql("SELECT count(*) FROM role WHERE code = :c")
			.param("c", code)
			.query(Long.class)
			.single() > 0;
	}

	private Set<String> permissionsOf(String role) {
		return new TreeSet<>(this.jdbc.sql("SELECT permission_code FROM role_permission WHERE role_code = :r")
			.param("r", role)
			.query(String.class)
			.list());
	}

	/** Whether the current user may change this role's permissions. */
	static boolean editable(String roleCode, CurrentUser me) {
		return !ADMINISTRATORS.contains(roleCode) && (me == null || !me.hasRole(roleCode));
	}

	/**
	 * Replaces the permissions of a role; {@code version} must be the one last read, or
	 * nothing changes (409).
	 */
	@Transactional
	Role grant(String roleCode, Long version, Set<String> permissions) {
		Role current = role(roleCode);
		if (ADMINISTRATORS.contains(roleCode)) {
			throw new ConflictException("error.role.fixed", roleCode);
		}
		CurrentUser me = CurrentUser.find().orElse(null);
		if (me != null && me.hasRole(roleCode)) {
			throw new ForbiddenException("error.role.own", roleCode);
		}
		long expected = Versions.required(version);
		Set<String> known = new TreeSet<>(catalogue().stream().map(Permission::code).toList());
		List<String> unknown = new ArrayList<>();
		for (String p : permissions) {
			if (!known.contains(p)) {
				unknown.add(p);
			}
		}
		if (!unknown.isEmpty()) {
			throw InvalidInputException.of("permissions", "error.permission.unknown", String.join(", ", unknown));
		}
		// system and audit permissions belong to the three administrators; a business
		// role may keep one it was created with (LEADER reads zones) but never gains one
		List<String> reserved = permissions.stream()
			.filter((p) -> p.startsWith("system:") || p.startsWith("audit:"))
			.filter((p) -> !current.permissions().contains(p))
			.sorted()
			.toList();
		if (!reserved.isEmpty()) {
			throw InvalidInputException.of("permissions", "error.permission.reserved", String.join(", ", reserved));
		}
		// lock the role row: concurrent grants queue here and all but the first find a
		// newer version
		Versions.expect(this.jdbc.sql("SELECT version FROM role WHERE code = :r FOR UPDATE")
			.param("r", roleCode)
			.query(Long.class)
			.single(), expected);
		Role before = role(roleCode);
		this.jdbc.sql("UPDATE role SET version = version + 1 WHERE code = :r").param("r", roleCode).update();
		this.jdbc.sql("DELETE FROM role_permission WHERE role_code = :r").param("r", roleCode).update();
		for (String p : permissions) {
			this.jdbc.sql("INSERT INTO role_permission (role_code, permission_code) VALUES (:r, :p)")
				.param("r", roleCode)
				.param("p", p)
				.update();
		}
		// every open session and token of the role's holders sees the change on its next
		// request
		this.jdbc.sql("""
				UPDATE app_user SET security_version = security_version + 1
				WHERE id IN (SELECT user_id FROM user_role WHERE role_code = :r)
				""").param("r", roleCode).update();
		Role after = role(roleCode);
		this.audit.recordChange("UPDATE", "role", roleCode, before, after);
		return after;
	}

}

package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and their permissions ({@code module:resource:action}), kept by the security
 * administrator. The separation of duties (三员分立) is enforced here: audit permissions
 * belong to the auditor role only, and the auditor role holds nothing else.
 */
@Service
class RoleService {

	static final String AUDITOR = "AUDITOR";

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

	/**
	 * Replaces the permissions of a role; {@code version} must be the one last read, or
	 * nothing changes (409).
	 */
	@Transactional
	Role grant(String roleCode, Long version, Set<String> permissions) {
		role(roleCode);
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
		boolean auditPermission = permissions.stream().anyMatch((p) -> p.startsWith("audit:"));
		if (AUDITOR.equals(roleCode) && permissions.stream().anyMatch((p) -> !p.startsWith("audit:"))) {
			throw InvalidInputException.of("permissions", "error.permission.auditorOnlyReads");
		}
		if (!AUDITOR.equals(roleCode) && auditPermission) {
			throw InvalidInputException.of("permissions", "error.permission.auditOnlyForAuditor");
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
		Role after = role(roleCode);
		this.audit.recordChange("UPDATE", "role", roleCode, before, after);
		return after;
	}

}

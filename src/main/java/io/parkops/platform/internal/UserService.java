package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.EnterpriseDirectory;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.UserAccounts;
import io.parkops.platform.ZoneDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts: creation with roles and data scope, profile changes, passwords and
 * unlocking.
 */
@Service
class UserService implements UserAccounts {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{3,64}");

	static final String ENTERPRISE_ROLE = "ENTERPRISE";

	private final UserStore store;

	private final RoleService roles;

	private final ZoneDirectory zones;

	private final ObjectProvider<EnterpriseDirectory> enterprises;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final TokenService tokens;

	private final JdbcClient jdbc;

	UserService(UserStore store, RoleService roles, ZoneDirectory zones,
			ObjectProvider<EnterpriseDirectory> enterprises, PasswordEncoder encoder, AuditTrail audit,
			TokenService tokens, JdbcClient jdbc) {
		this.store = store;
		this.roles = roles;
		this.zones = zones;
		this.enterprises = enterprises;
		this.encoder = encoder;
		this.audit = audit;
		this.tokens = tokens;
		this.jdbc = jdbc;
	}

	/** What the API and pages show of an account (never its password). */
	record UserView(long id, String username, String displayName, String phone, Long departmentId, List<String> roles,
			List<String> zoneCodes, String enterpriseCreditCode, boolean enabled, boolean mustChangePassword,
			boolean locked, long version) {
	}

	/**
	 * A partial change through the API: a null field stays as it is; an empty
	 * {@code enterpriseCreditCode} unbinds the enterprise.
	 */
	record UserPatch(Long version, Boolean enabled, List<String> roles, List<String> zoneCodes,
			String enterpriseCreditCode, String displayName) {
	}

	/** A change of an account by an administrator. */
	record UserChange(long version, String displayName, String phone, Long departmentId, List<String> roles,
			List<String> zoneCodes, String enterpriseCreditCode, boolean enabled, boolean mustChangePassword) {
	}

	@Override
	@Transactional
	public long create(NewUser user) {
		List<FieldProblem> problems = new ArrayList<>();
		if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
			problems.add(new FieldProblem("username", "error.user.username"));
		}
		if (!PasswordPolicy.isStrong(user.password())) {
			problems.add(new FieldProblem("password", "error.password.weak"));
		}
		List<String> zoneCodes = checkScope(user.displayName(), user.roles(), user.zoneCodes(),
				user.enterpriseCreditCode(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (this.store.findByUsername(user.username()).isPresent()) {
			throw new ConflictException("error.user.duplicate", user.username());
		}
		long id = this.store.insert(user.username(), this.encoder.encode(user.password()), user.displayName().trim(),
				null, null, creditCode(user.enterpriseCreditCode()), user.mustChangePassword());
		this.store.replaceRoles(id, user.roles());
		this.store.replaceZones(id, zoneCodes);
		this.audit.recordChange("CREATE", "user", user.username(), null, view(id));
		return id;
	}

	@Transactional
	UserView update(long id, UserChange change) {
		UserView before = view(id);
		CurrentUser me = CurrentUser.find().orElse(null);
		if (me != null && me.id() == id && !Set.copyOf(change.roles()).equals(Set.copyOf(before.roles()))) {
			throw new ForbiddenException("error.user.ownRoles");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<String> zoneCodes = checkScope(change.displayName(), change.roles(), change.zoneCodes(),
				change.enterpriseCreditCode(), problems);
		if (problems.isEmpty() && !administratorRoles(before.roles()).equals(administratorRoles(change.roles()))) {
			// an administrator account stays what it was created as, so that nobody turns
			// an account into one whose password they may reset and back
			problems.add(new FieldProblem("roles", "error.user.administratorRoleFixed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int updated = this.store.updateProfile(id, change.version(), change.displayName().trim(),
				blankToNull(change.phone()), change.departmentId(), creditCode(change.enterpriseCreditCode()),
				change.enabled(), change.mustChangePassword());
		if (updated == 0) {
			throw new ConflictException("error.staleVersion");
		}
		this.store.replaceRoles(id, change.roles());
		this.store.replaceZones(id, zoneCodes);
		if (!change.enabled()) {
			this.tokens.revokeAllOf(id);
		}
		UserView after = view(id);
		this.audit.recordChange("UPDATE", "user", before.username(), before, after);
		return after;
	}

	/**
	 * {@code PATCH /api/v1/users/{username}}: the fields sent change, the others stay.
	 */
	@Transactional
	UserView patch(String username, UserPatch patch) {
		UserView before = view(username);
		if (patch.version() == null) {
			throw InvalidInputException.of("version", "error.required");
		}
		String enterprise = (patch.enterpriseCreditCode() != null) ? patch.enterpriseCreditCode()
				: before.enterpriseCreditCode();
		return update(before.id(),
				new UserChange(patch.version(),
						(patch.displayName() != null) ? patch.displayName() : before.displayName(), before.phone(),
						before.departmentId(), (patch.roles() != null) ? patch.roles() : before.roles(),
						(patch.zoneCodes() != null) ? patch.zoneCodes() : before.zoneCodes(), enterprise,
						(patch.enabled() != null) ? patch.enabled() : before.enabled(), before.mustChangePassword()));
	}

	private static Set<String> administratorRoles(List<String> roles) {
		Set<String> found = new java.util.TreeSet<>((roles != null) ? roles : List.of());
		found.retainAll(RoleService.ADMINISTRATORS);
		return found;
	}

	private List<String> checkScope(String displayName, List<String> roleCodes, List<String> zoneCodes,
			String enterpriseCreditCode, List<FieldProblem> problems) {
		if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
			problems.add(new FieldProblem("displayName", "error.required"));
		}
		List<String> roleList = (roleCodes != null) ? roleCodes : List.of();
		if (roleList.isEmpty()) {
			problems.add(new FieldProblem("roles", "error.user.noRole"));
		}
		for (String role : roleList) {
			if (!this.roles.exists(role)) {
				problems.add(new FieldProblem("roles", "error.role.notFound", role));
			}
		}
		List<String> zonesOut = new ArrayList<>();
		for (String zone : (zoneCodes != null) ? zoneCodes : List.<String>of()) {
			if (this.zones.zone(zone).isEmpty()) {
				problems.add(new FieldProblem("zoneCodes", "error.zoneNotFound", zone));
			}
			else if (!zonesOut.contains(zone)) {
				zonesOut.add(zone);
			}
		}
		if (roleList.stream().anyMatch(RoleService.ADMINISTRATORS::contains) && Set.copyOf(roleList).size() > 1) {
			// 三员分立: ADMIN, SECURITY_ADMIN and AUDITOR each stand alone
			problems.add(new FieldProblem("roles", "error.user.administratorRoleAlone"));
		}
		String credit = creditCode(enterpriseCreditCode);
		boolean enterpriseRole = roleList.contains(ENTERPRISE_ROLE);
		if (enterpriseRole && roleList.size() > 1) {
			problems.add(new FieldProblem("roles", "error.user.enterpriseRoleAlone"));
		}
		if (enterpriseRole && credit == null) {
			problems.add(new FieldProblem("enterpriseCreditCode", "error.user.enterpriseRequired"));
		}
		else if (!enterpriseRole && credit != null) {
			problems.add(new FieldProblem("enterpriseCreditCode", "error.user.enterpriseOnlyForEnterpriseRole"));
		}
		else if (credit != null) {
			EnterpriseDirectory directory = this.enterprises.getIfAvailable();
			Optional<String> zone = (directory != null) ? directory.zoneOf(credit) : Optional.empty();
			if (zone.isEmpty()) {
				problems.add(new FieldProblem("enterpriseCreditCode", "error.enterpriseNotFound", credit));
			}
			else {
				zonesOut.clear();
				zonesOut.add(zone.get());
			}
		}
		return zonesOut;
	}

	UserView view(long id) {
		UserStore.UserRow row = this.store.findById(id)
			.orElseThrow(() -> new NotFoundException("error.user.notFound", id));
		return new UserView(row.id(), row.username(), row.displayName(), row.phone(), row.departmentId(),
				List.copyOf(this.store.roles(id)), List.copyOf(this.store.zones(id)), row.enterpriseCreditCode(),
				row.enabled(), row.mustChangePassword(), row.lockedAt(java.time.Instant.now()), row.version());
	}

	UserView view(String username) {
		return view(this.store.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("error.user.notFound", username))
			.id());
	}

	@Override
	public Optional<UserSummary> find(String username) {
		return this.store.findByUsername(username)
			.map((u) -> new UserSummary(u.id(), u.username(), u.displayName(), u.enterpriseCreditCode()));
	}

	@Override
	public List<UserSummary> staffOfZone(String zoneCode) {
		return this.jdbc.sql("""
				SELECT u.id, u.username, u.display_name, u.enterprise_credit_code FROM app_user u
				WHERE u.enabled AND u.enterprise_credit_code IS NULL
				  AND EXISTS (SELECT 1 FROM user_zone z WHERE z.user_id = u.id AND z.zone_code = :z)
				ORDER BY u.display_name
				""").param("z", zoneCode).query(UserSummary.class).list();
	}

	@Transactional
	void changeOwnPassword(long id, String current, String next) {
		UserStore.UserRow row = this.store.findById(id).orElseThrow();
		if (current == null || !this.encoder.matches(current, row.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "error.password.currentWrong");
		}
		PasswordPolicy.check("newPassword", next);
		if (this.encoder.matches(next, row.passwordHash())) {
			throw InvalidInputException.of("newPassword", "error.password.same");
		}
		this.store.updatePassword(id, this.encoder.encode(next), false);
		// a changed password ends every API token issued under the old one
		int revoked = this.tokens.revokeAllOf(id);
		this.audit.recordChange("PASSWORD_CHANGE", "user", row.username(), null,
				java.util.Map.of("tokensRevoked", revoked));
	}

	/**
	 * Sets a password the user must change at the next sign-in (and in every open session
	 * at its next request). 三员分立: ADMIN resets business, enterprise and SECURITY_ADMIN
	 * accounts, SECURITY_ADMIN resets ADMIN and AUDITOR accounts, nobody their own.
	 */
	@Transactional
	void resetPassword(long id, String next) {
		UserView target = view(id);
		CurrentUser me = CurrentUser.find().orElse(null);
		if (me != null) {
			if (me.id() == id) {
				throw new ForbiddenException("error.user.ownReset");
			}
			String resetter = mayReset(target.roles());
			if (!me.hasRole(resetter)) {
				throw new ForbiddenException(RoleService.ADMIN.equals(resetter) ? "error.user.resetByAdmin"
						: "error.user.resetBySecurityAdmin");
			}
		}
		PasswordPolicy.check("password", next);
		this.store.updatePassword(id, this.encoder.encode(next), true);
		int revoked = this.tokens.revokeAllOf(id);
		this.audit.recordChange("PASSWORD_RESET", "user", target.username(), null,
				java.util.Map.of("mustChangePassword", true, "tokensRevoked", revoked));
	}

	/** The role that may reset the password of an account holding these roles. */
	static String mayReset(List<String> targetRoles) {
		return (targetRoles.contains(RoleService.ADMIN) || targetRoles.contains(RoleService.AUDITOR))
				? RoleService.SECURITY_ADMIN : RoleService.ADMIN;
	}

	@Transactional
	void unlock(long id) {
		UserView before = view(id);
		this.store.unlock(id);
		this.audit.recordChange("UNLOCK", "user", before.username(), null, null);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

	/** Credit codes are stored as the registry stores them: trimmed and upper case. */
	private static String creditCode(String s) {
		String trimmed = blankToNull(s);
		return (trimmed != null) ? trimmed.toUpperCase(java.util.Locale.ROOT) : null;
	}

}

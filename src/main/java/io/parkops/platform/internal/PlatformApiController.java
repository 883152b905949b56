package io.parkops.platform.internal;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.UserAccounts.NewUser;
import io.parkops.platform.ZoneDirectory.Area;
import io.parkops.platform.ZoneDirectory.Zone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's REST API: tokens, zones, users, roles and the audit trail.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "platform", description = "认证、园区、用户、角色与审计 / authentication, zones, users, roles, audit")
class PlatformApiController {

	private final AuthenticationManager authentication;

	private final TokenService tokens;

	private final ZoneService zones;

	private final UserService users;

	private final RoleService roles;

	private final AuditTrail audit;

	PlatformApiController(AuthenticationManager authentication, TokenService tokens, ZoneService zones,
			UserService users, RoleService roles, AuditTrail audit) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.zones = zones;
		this.users = users;
		this.roles = roles;
		this.audit = audit;
	}

	record TokenRequest(@NotBlank String username, @NotBlank String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	@PostMapping("/auth/token")
	@RouteAccess(scope = AccessScope.PUBLIC)
	@Operation(summary = "Exchange a username and password for a bearer token")
	ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
		Authentication auth;
		try {
			auth = this.authentication.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
		}
		catch (LockedException ex) {
			// reached only with the right password (see SecurityConfig)
			throw new Unauthorized("error.login.locked");
		}
		catch (AuthenticationException ex) {
			// unknown user, wrong password, disabled account: one answer
			throw new Unauthorized("error.login.bad");
		}
		ParkOpsPrincipal principal = (ParkOpsPrincipal) auth.getPrincipal();
		if (principal.currentUser().mustChangePassword()) {
			throw new ForbiddenException("error.password.mustChange");
		}
		TokenService.IssuedToken issued = this.tokens.issue(principal.currentUser().id());
		return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	@DeleteMapping("/auth/token")
	@RouteAccess(scope = AccessScope.SELF)
	@Operation(summary = "Revoke the bearer token of this request")
	ResponseEntity<Void> revoke(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			this.tokens.revoke(header.substring(7).trim());
		}
		return ResponseEntity.noContent().build();
	}

	record AreaRequest(@NotBlank String code, @NotBlank String name, @Size(max = 100) String nameEn) {
	}

	record ZoneRequest(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 100) String name,
			List<@Valid AreaRequest> areas, List<String> departments) {
	}

	record ZoneUpdate(Long version, @NotBlank @Size(max = 100) String name, List<@Valid AreaRequest> areas,
			List<String> departments) {
	}

	@PostMapping("/zones")
	@RouteAccess(permission = "system:zone:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "Create a zone with its areas")
	ResponseEntity<ZoneService.ZoneView> createZone(@Valid @RequestBody ZoneRequest request) {
		ZoneService.ZoneView zone = this.zones.create(request.code(), request.name(), areas(request.areas()),
				request.departments());
		return ResponseEntity.created(URI.create("/api/v1/zones/" + zone.code())).body(zone);
	}

	@PutMapping("/zones/{code}")
	@RouteAccess(permission = "system:zone:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "Rename a zone and replace its areas; send the version last read (stale → 409)")
	ZoneService.ZoneView updateZone(@PathVariable String code, @Valid @RequestBody ZoneUpdate request) {
		return this.zones.update(code, request.version(), request.name(), areas(request.areas()),
				request.departments());
	}

	@GetMapping("/zones/{code}")
	@RouteAccess(scope = AccessScope.ZONE, enterpriseUsers = false)
	@Operation(summary = "A zone with its areas")
	ZoneService.ZoneView zone(@PathVariable String code) {
		CurrentUser me = CurrentUser.get();
		this.zones.require(code);
		if (!me.canSeeZone(code) && !me.isEnterpriseUser()) {
			throw new ForbiddenException("error.zoneOutOfScope");
		}
		if (me.isEnterpriseUser() && !me.zoneCodes().contains(code)) {
			throw new ForbiddenException("error.zoneOutOfScope");
		}
		return this.zones.view(code).orElseThrow();
	}

	@GetMapping("/zones")
	@RouteAccess(scope = AccessScope.AUTHENTICATED)
	@Operation(summary = "The zones the caller may see")
	List<Zone> zones() {
		CurrentUser me = CurrentUser.get();
		return this.zones.zones().stream().filter((z) -> me.canSeeZone(z.code())).toList();
	}

	private static List<Area> areas(List<AreaRequest> requests) {
		return (requests != null) ? requests.stream().map((a) -> new Area(a.code(), a.name(), a.nameEn())).toList()
				: List.of();
	}

	record UserRequest(@NotBlank String username, @NotBlank String password, @NotBlank String displayName,
			@NotNull List<String> roles, List<String> zoneCodes, String enterpriseCreditCode,
			Boolean mustChangePassword) {
	}

	@PostMapping("/users")
	@RouteAccess(permission = "system:user:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "Create a user account")
	ResponseEntity<UserService.UserView> createUser(@Valid @RequestBody UserRequest request) {
		long id = this.users.create(new NewUser(request.username(), request.password(), request.displayName(),
				request.roles(), (request.zoneCodes() != null) ? request.zoneCodes() : List.of(),
				request.enterpriseCreditCode(), Boolean.TRUE.equals(request.mustChangePassword())));
		return ResponseEntity.created(URI.create("/api/v1/users/" + request.username())).body(this.users.view(id));
	}

	@GetMapping("/users/{username}")
	@RouteAccess(permission = "system:user:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "A user account")
	UserService.UserView user(@PathVariable String username) {
		return this.users.view(username);
	}

	@PatchMapping("/users/{username}")
	@RouteAccess(permission = "system:user:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "Change an account: the fields sent change (send the version last read); "
			+ "an empty enterpriseCreditCode unbinds the enterprise")
	UserService.UserView patchUser(@PathVariable String username, @RequestBody UserService.UserPatch request) {
		return this.users.patch(username, request);
	}

	record PasswordReset(String password) {
	}

	@PostMapping("/users/{username}/password-reset")
	@RouteAccess(permission = "system:user:reset", scope = AccessScope.GLOBAL)
	@Operation(summary = "Set a password the user must change at the next sign-in (ADMIN: business, enterprise "
			+ "and SECURITY_ADMIN accounts; SECURITY_ADMIN: ADMIN and AUDITOR accounts; never one's own)")
	UserService.UserView resetPassword(@PathVariable String username, @RequestBody PasswordReset request) {
		long id = this.users.view(username).id();
		this.users.resetPassword(id, request.password());
		return this.users.view(id);
	}

	@GetMapping("/users/me")
	@RouteAccess(scope = AccessScope.SELF)
	@Operation(summary = "The caller's own account")
	UserService.UserView me() {
		return this.users.view(CurrentUser.get().id());
	}

	@GetMapping("/roles")
	@RouteAccess(permission = "system:role:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "Roles with their permissions")
	List<RoleService.Role> roles() {
		return this.roles.roles();
	}

	record GrantRequest(Long version, @NotNull Set<String> permissions) {
	}

	@PutMapping("/roles/{code}/permissions")
	@RouteAccess(permission = "system:role:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "Replace the permissions of a role; send the version last read (stale → 409)")
	RoleService.Role grant(@PathVariable String code, @Valid @RequestBody GrantRequest request) {
		return this.roles.grant(code, request.version(), request.permissions());
	}

	@GetMapping("/audit")
	@RouteAccess(permission = "audit:record:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "Search the audit trail (auditor only)")
	AuditTrail.AuditPage auditSearch(@RequestParam(required = false) String user,
			@RequestParam(required = false) String entity, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.audit.search(new AuditTrail.AuditQuery(user, entity, entityId, startOf(from),
				(to != null) ? startOf(to.plusDays(1)) : null, Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
	}

	@GetMapping("/audit/verify")
	@RouteAccess(permission = "audit:record:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "Verify the hash chain of the audit trail (auditor only)")
	Map<String, Object> auditVerify() {
		AuditTrail.Verification v = this.audit.verify();
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("intact", v.intact());
		body.put("records", v.records());
		if (!v.intact()) {
			body.put("brokenAt", v.brokenAt());
			body.put("firstBreakSeq", v.firstBreakSeq());
		}
		body.put("headMatchesCheckpoint", v.headMatchesCheckpoint());
		body.put("checkpoint", v.checkpoint());
		return body;
	}

	@GetMapping("/audit/checkpoint")
	@RouteAccess(permission = "audit:record:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "Sign the head of the audit chain now and return the checkpoint (auditor only)",
			description = "An external collector keeps these: {chainId, seq, headHash, createdAt, hmac}. The same "
					+ "line is appended to <data dir>/audit/checkpoints.log.")
	AuditTrail.Checkpoint auditCheckpoint() {
		return this.audit.checkpoint();
	}

	static Instant startOf(LocalDate date) {
		return (date != null) ? date.atStartOfDay(io.parkops.platform.ZoneTime.zone()).toInstant() : null;
	}

	/** A failed sign-in through the API: 401 with the reason. */
	static class Unauthorized extends io.parkops.platform.ParkOpsException {

		Unauthorized(String key) {
			super(key);
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.UNAUTHORIZED;
		}

	}

}

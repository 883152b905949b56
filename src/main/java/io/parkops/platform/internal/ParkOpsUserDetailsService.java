package io.parkops.platform.internal;

import java.util.Set;

import io.parkops.platform.CurrentUser;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads an account with its roles, permissions and data scope.
 */
@Service
class ParkOpsUserDetailsService implements UserDetailsService {

	private final UserStore users;

	ParkOpsUserDetailsService(UserStore users) {
		this.users = users;
	}

	@Override
	public ParkOpsPrincipal loadUserByUsername(String username) {
		UserStore.UserRow row = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return principalOf(row);
	}

	ParkOpsPrincipal principalOf(UserStore.UserRow row) {
		Set<String> roles = this.users.roles(row.id());
		Set<String> permissions = this.users.permissions(row.id());
		Set<String> zones = this.users.zones(row.id());
		boolean allZones = roles.contains("ADMIN") || roles.contains("AUDITOR") || roles.contains("SECURITY_ADMIN");
		CurrentUser user = new CurrentUser(row.id(), row.username(), row.displayName(), roles, permissions,
				allZones && row.enterpriseCreditCode() == null, zones, row.enterpriseCreditCode(),
				row.mustChangePassword());
		return new ParkOpsPrincipal(user, row.passwordHash(), row.enabled(),
				(row.lockedUntil() != null) ? row.lockedUntil().toInstant() : null, row.securityVersion());
	}

}

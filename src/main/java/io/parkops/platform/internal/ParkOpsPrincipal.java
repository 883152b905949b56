package io.parkops.platform.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.parkops.platform.CurrentUser;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: the account's sign-in state plus the {@link CurrentUser} it
 * stands for. Authorities are the user's permissions ({@code module:resource:action}) and
 * {@code ROLE_} roles.
 */
class ParkOpsPrincipal implements UserDetails, CredentialsContainer, CurrentUser.Holder {

	private final CurrentUser user;

	private String passwordHash;

	private final boolean enabled;

	private final Instant lockedUntil;

	private final long securityVersion;

	private final List<GrantedAuthority> authorities;

	ParkOpsPrincipal(CurrentUser user, String passwordHash, boolean enabled, Instant lockedUntil,
			long securityVersion) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.securityVersion = securityVersion;
		List<GrantedAuthority> list = new ArrayList<>();
		user.permissions().forEach((p) -> list.add(new SimpleGrantedAuthority(p)));
		user.roles().forEach((r) -> list.add(new SimpleGrantedAuthority("ROLE_" + r)));
		this.authorities = List.copyOf(list);
	}

	@Override
	public CurrentUser currentUser() {
		return this.user;
	}

	/** The account's security version when this principal was loaded. */
	long securityVersion() {
		return this.securityVersion;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return this.lockedUntil == null || !this.lockedUntil.isAfter(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ParkOpsPrincipal p && p.user.id() == this.user.id();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.user.id());
	}

}

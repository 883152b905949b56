package io.parkops.platform;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user with the data scope every module filters by: the zones a staff
 * member is assigned to, or the single enterprise an enterprise user is bound to.
 */
public record CurrentUser(long id, String username, String displayName, Set<String> roles, Set<String> permissions,
		boolean allZones, Set<String> zoneCodes, String enterpriseCreditCode,
		boolean mustChangePassword) implements java.io.Serializable {

	/** Implemented by the security principal so modules can reach the current user. */
	public interface Holder {

		CurrentUser currentUser();

	}

	public static Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Holder holder) {
			return Optional.of(holder.currentUser());
		}
		return Optional.empty();
	}

	public static CurrentUser get() {
		return find().orElseThrow(() -> new ForbiddenException("error.notSignedIn"));
	}

	public static String usernameOrSystem() {
		return find().map(CurrentUser::username).orElse("system");
	}

	public boolean has(String permission) {
		return this.permissions.contains(permission);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean isEnterpriseUser() {
		return this.enterpriseCreditCode != null;
	}

	public boolean canSeeZone(String zoneCode) {
		return this.allZones || this.zoneCodes.contains(zoneCode);
	}

	/** Whether this user may see records of the given enterprise in the given zone. */
	public boolean canSeeEnterprise(String creditCode, String zoneCode) {
		if (isEnterpriseUser()) {
			return this.enterpriseCreditCode.equals(creditCode);
		}
		return canSeeZone(zoneCode);
	}

	/** Throws {@link ForbiddenException} unless {@link #canSeeEnterprise} holds. */
	public void checkEnterprise(String creditCode, String zoneCode) {
		if (!canSeeEnterprise(creditCode, zoneCode)) {
			throw new ForbiddenException("error.enterpriseOutOfScope");
		}
	}

	public void checkZone(String zoneCode) {
		if (isEnterpriseUser() || !canSeeZone(zoneCode)) {
			throw new ForbiddenException("error.zoneOutOfScope");
		}
	}

}

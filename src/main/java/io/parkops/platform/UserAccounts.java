package io.parkops.platform;

import java.util.List;
import java.util.Optional;

/**
 * Creating and finding user accounts, for the platform's own pages and API and for
 * modules that create accounts (for example enterprise users in demo data).
 */
public interface UserAccounts {

	long create(NewUser user);

	Optional<UserSummary> find(String username);

	/** Staff members who may be assigned as 企业秘书 or 挂点领导 in a zone. */
	List<UserSummary> staffOfZone(String zoneCode);

	/** A new account; {@code mustChangePassword} forces a change at first sign-in. */
	record NewUser(String username, String password, String displayName, List<String> roles, List<String> zoneCodes,
			String enterpriseCreditCode, boolean mustChangePassword) {
	}

	/** What other modules may know of a user. */
	record UserSummary(long id, String username, String displayName, String enterpriseCreditCode) {
	}

}

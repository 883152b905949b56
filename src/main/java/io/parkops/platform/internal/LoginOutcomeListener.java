package io.parkops.platform.internal;

import java.time.Instant;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.Inputs;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (five lock the account for fifteen minutes) and records every
 * sign-in outcome and sign-out in the audit trail.
 */
@Component
class LoginOutcomeListener {

	/** The longest username an account may have (the column's size). */
	private static final int MAX_USERNAME = 64;

	private final UserStore users;

	private final AuditTrail audit;

	private final PlatformProperties properties;

	LoginOutcomeListener(UserStore users, AuditTrail audit, PlatformProperties properties) {
		this.users = users;
		this.audit = audit;
		this.properties = properties;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.users.recordSuccess(username);
		this.audit.recordEvent(username, "LOGIN_SUCCESS", null);
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		this.audit.recordEvent(event.getAuthentication().getName(), "LOGOUT", null);
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		String attempted = attempted(username);
		// a name no account can have has no failures to count
		if (event instanceof AuthenticationFailureBadCredentialsEvent && attempted.equals(username)) {
			PlatformProperties.Security security = this.properties.security();
			this.users.recordFailure(username, security.maxFailedLogins(), Instant.now().plus(security.lockDuration()));
		}
		this.audit.recordEvent(attempted, "LOGIN_FAILURE", event.getException().getClass().getSimpleName());
	}

	/**
	 * The name an attempt is audited under: as typed, but a name no account can have
	 * (longer than the column, or with control characters) shortened to 40 characters
	 * with "…" and its controls shown as "?", so that the attempt is still recorded.
	 */
	static String attempted(String username) {
		boolean fits = username.length() <= MAX_USERNAME && !Inputs.hasControlCharacters(username, false);
		return fits ? username : Inputs.shorten(username);
	}

}

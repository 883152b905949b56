package io.parkops.platform.internal;

import java.time.Instant;

import io.parkops.platform.AuditTrail;

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
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			PlatformProperties.Security security = this.properties.security();
			this.users.recordFailure(username, security.maxFailedLogins(), Instant.now().plus(security.lockDuration()));
		}
		this.audit.recordEvent(username, "LOGIN_FAILURE", event.getException().getClass().getSimpleName());
	}

}

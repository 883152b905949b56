package io.parkops.platform.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes changes to an account count at once in every open session, on every node: each
 * request of a signed-in session reads the account's state (one row by key). A disabled,
 * locked or deleted account's session ends; when the account's security version moved
 * (roles, zones, enterprise, password reset, unlock, a change of a role's permissions)
 * the session's user is loaded afresh, so a reset password must be changed before
 * anything else.
 */
class AccountStateFilter extends OncePerRequestFilter {

	private final UserStore users;

	private final ParkOpsUserDetailsService details;

	AccountStateFilter(UserStore users, ParkOpsUserDetailsService details) {
		this.users = users;
		this.details = details;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof ParkOpsPrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<UserStore.AccountState> state = this.users.state(principal.currentUser().id());
		if (state.isEmpty() || !state.get().enabled() || state.get().lockedAt(Instant.now())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		if (state.get().securityVersion() != principal.securityVersion()) {
			ParkOpsPrincipal fresh = this.users.findById(principal.currentUser().id())
				.map(this.details::principalOf)
				.orElseThrow();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
			SecurityContextHolder.setContext(context);
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
			}
		}
		chain.doFilter(request, response);
	}

}

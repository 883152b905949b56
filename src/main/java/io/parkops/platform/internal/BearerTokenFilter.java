package io.parkops.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests carrying {@code Authorization: Bearer <token>}. A token that
 * is unknown, expired or revoked, or whose account is disabled or locked, is answered
 * with 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenService tokens;

	private final UserStore users;

	private final ParkOpsUserDetailsService details;

	private final ProblemWriter problems;

	BearerTokenFilter(TokenService tokens, UserStore users, ParkOpsUserDetailsService details, ProblemWriter problems) {
		this.tokens = tokens;
		this.users = users;
		this.details = details;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).trim();
		ParkOpsPrincipal principal = this.tokens.userOf(token)
			.flatMap(this.users::findById)
			.map(this.details::principalOf)
			.filter((p) -> p.isEnabled() && p.isAccountNonLocked())
			.orElse(null);
		if (principal == null) {
			this.problems.write(response, HttpStatus.UNAUTHORIZED, "error.token.invalid");
			return;
		}
		if (principal.currentUser().mustChangePassword()) {
			this.problems.write(response, HttpStatus.FORBIDDEN, "error.password.mustChange");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}

package io.parkops.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.parkops.platform.CurrentUser;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user whose password must be changed (a generated first password, or an
 * administrator's mark) to the change-password page before anything else.
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

	static final String CHANGE_PATH = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean mustChange = CurrentUser.find().map(CurrentUser::mustChangePassword).orElse(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (mustChange && !path.equals(CHANGE_PATH) && !path.equals("/logout") && !isStatic(path)) {
			response.sendRedirect(request.getContextPath() + CHANGE_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/img/") || path.equals("/favicon.ico");
	}

}

package io.parkops.platform.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks every cookie Secure when the request came over HTTPS (directly, or through a
 * proxy whose X-Forwarded-Proto the forwarded-header filter has applied): the session
 * cookie, the language cookie and any other.
 */
class SecureCookieFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!request.isSecure()) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void addCookie(Cookie cookie) {
				cookie.setSecure(true);
				super.addCookie(cookie);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, secure(name, value));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, secure(name, value));
			}

		});
	}

	static String secure(String name, String value) {
		if (value != null && "Set-Cookie".equalsIgnoreCase(name)
				&& !value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure(\\s*;.*|\\s*)$")) {
			return value + "; Secure";
		}
		return value;
	}

}

package io.parkops.platform.internal;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.RouteAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces the permission a handler declares with {@link RouteAccess} before anything of
 * the request is read, so that a caller without it gets 403 whatever it sends.
 */
class RouteAccessInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		RouteAccess access = method.getMethodAnnotation(RouteAccess.class);
		if (access == null) {
			return true;
		}
		CurrentUser me = CurrentUser.find().orElse(null);
		if (!access.enterpriseUsers() && me != null && me.isEnterpriseUser()) {
			throw new AccessDeniedException("error.forbidden");
		}
		if (access.permission().length == 0) {
			return true;
		}
		if (me != null) {
			for (String permission : access.permission()) {
				if (me.has(permission)) {
					return true;
				}
			}
		}
		throw new AccessDeniedException("error.forbidden");
	}

}

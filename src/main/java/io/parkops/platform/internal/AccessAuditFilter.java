package io.parkops.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.excel.ExcelRows;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits what leaves the system and what is refused, for every route of every module, API
 * and pages alike: each download (an Excel export or a document, recognised by its
 * {@code Content-Disposition: attachment}) with who, the path, the filter (query
 * parameters) and the number of rows written ({@link ExcelRows#exported}), and each
 * answer 403 with who and what was asked. Runs inside the security filter chain's
 * context, after the request was handled.
 */
@Component
class AccessAuditFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AccessAuditFilter.class);

	private final AuditTrail audit;

	AccessAuditFilter(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			try {
				record(request, response);
			}
			catch (RuntimeException ex) {
				log.error("Could not audit {} {}", request.getMethod(), request.getRequestURI(), ex);
			}
		}
	}

	private void record(HttpServletRequest request, HttpServletResponse response) {
		int status = response.getStatus();
		String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		boolean download = status == HttpStatus.OK.value() && disposition != null
				&& disposition.toLowerCase(java.util.Locale.ROOT).startsWith("attachment");
		if (status != HttpStatus.FORBIDDEN.value() && !download) {
			return;
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("method", request.getMethod());
		detail.put("path", request.getRequestURI());
		Map<String, String> filter = new TreeMap<>();
		request.getParameterMap().forEach((k, v) -> {
			if (!k.equals("_csrf") && !k.equals("password")) {
				filter.put(k, String.join(",", v));
			}
		});
		detail.put("filter", filter);
		String action = "ACCESS_DENIED";
		String entity = "access";
		if (download) {
			detail.put("file", disposition);
			Object rows = request.getAttribute(ExcelRows.EXPORTED_ROWS);
			if (rows != null) {
				detail.put("rows", rows);
			}
			action = (rows != null) ? "EXPORT" : "DOWNLOAD";
			entity = "download";
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String user = (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName()))
				? auth.getName() : null;
		String path = request.getRequestURI();
		this.audit.recordSecurityEvent(user, action, entity, (path.length() > 100) ? path.substring(0, 100) : path,
				detail);
	}

}

package io.parkops.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;

import io.parkops.platform.AccessScope;
import io.parkops.platform.RouteAccess;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends what no controller answered: under
 * {@code /api/**} an {@code application/problem+json} in the caller's language, for pages
 * the friendly error page. It never fails itself: whatever goes wrong here ends in a
 * plain answer with the original status.
 */
@Controller
class ErrorEndpoint implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

	private final ErrorAttributes errors;

	private final ApiProblems problems;

	private final JsonMapper json;

	ErrorEndpoint(ErrorAttributes errors, ApiProblems problems, JsonMapper json) {
		this.errors = errors;
		this.problems = problems;
		this.json = json;
	}

	@RequestMapping("/error")
	@RouteAccess(scope = AccessScope.PUBLIC)
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		int status = 404;
		try {
			Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			status = (code instanceof Integer i) ? i : 404;
			String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
			if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
				path = request.getRequestURI();
			}
			Throwable ex = this.errors.getError(new ServletWebRequest(request));
			if (ex == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
				ex = t;
			}
			ProblemDetail problem = (request.getAttribute(ApiProblems.PROBLEM) instanceof ProblemDetail decided)
					? decided : this.problems.describe(ex, status, path);
			if (problem.getStatus() >= 500 && ex != null) {
				log.error("Unexpected failure answered by /error", ex);
			}
			if (path.startsWith(request.getContextPath() + "/api/")) {
				writeProblem(response, problem, ex);
				return null;
			}
			return page(problem.getStatus(), problem.getDetail(), response);
		}
		catch (RuntimeException | java.io.IOException | Error ex) {
			log.warn("The error page itself failed", ex);
			try {
				if (!response.isCommitted()) {
					response.resetBuffer();
					response.setStatus(status);
					response.setContentType("text/plain;charset=UTF-8");
					response.getWriter().write(Integer.toString(status));
				}
			}
			catch (java.io.IOException | RuntimeException ignored) {
				// the client is gone
			}
			return null;
		}
	}

	private void writeProblem(HttpServletResponse response, ProblemDetail problem, Throwable ex)
			throws java.io.IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		if (ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedMethods() != null) {
			response.setHeader(HttpHeaders.ALLOW, String.join(", ", m.getSupportedMethods()));
		}
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

	private static ModelAndView page(int status, String detail, HttpServletResponse response) {
		ModelAndView mav = new ModelAndView("error");
		HttpStatus resolved = HttpStatus.resolve(status);
		mav.setStatus((resolved != null) ? resolved : HttpStatus.INTERNAL_SERVER_ERROR);
		mav.addObject("status", status);
		mav.addObject("detail", detail);
		response.setStatus(status);
		return mav;
	}

}

package io.parkops.platform.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no controller takes (unknown path, wrong method, media type or accepted type):
 * under {@code /api/**} a problem in the caller's language, written directly so that a
 * client accepting only another type still reads it; for pages the error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class RoutingProblems {

	private final ApiProblems problems;

	private final ProblemWriter writer;

	RoutingProblems(ApiProblems problems, ProblemWriter writer) {
		this.problems = problems;
		this.writer = writer;
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class })
	ModelAndView onRouting(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = (ex instanceof org.springframework.web.ErrorResponse e) ? e.getStatusCode().value() : 404;
		ProblemDetail problem = this.problems.describe(ex, status, request.getRequestURI());
		if (ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedMethods() != null) {
			response.setHeader(HttpHeaders.ALLOW, String.join(", ", m.getSupportedMethods()));
		}
		if (RequestGuards.isApi(request)) {
			this.writer.write(response, problem);
			return new ModelAndView();
		}
		ModelAndView mav = new ModelAndView("error");
		HttpStatus resolved = HttpStatus.valueOf(problem.getStatus());
		mav.setStatus(resolved);
		mav.addObject("status", problem.getStatus());
		mav.addObject("detail", problem.getDetail());
		return mav;
	}

}

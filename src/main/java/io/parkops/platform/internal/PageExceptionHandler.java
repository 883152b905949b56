package io.parkops.platform.internal;

import io.parkops.platform.ParkOpsException;
import io.parkops.platform.excel.ImportFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a failure of a page as a page with the message in the user's language, never a
 * stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final ProblemWriter problems;

	PageExceptionHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ParkOpsException.class)
	ModelAndView onParkOps(ParkOpsException ex, HttpServletRequest request, HttpServletResponse response) {
		return page(request, ex.status(), ex.messageKey(), ex.args(), response);
	}

	@ExceptionHandler(ImportFailedException.class)
	ModelAndView onImport(ImportFailedException ex, HttpServletRequest request, HttpServletResponse response) {
		return page(request, HttpStatus.BAD_REQUEST, "error.import.failed", new Object[] { ex.errors().size() },
				response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView onDenied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response) {
		return page(request, HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], response);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView onUnexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
			return page(request, HttpStatus.NOT_FOUND, "error.pageNotFound", new Object[0], response);
		}
		// bad input is never a 500: wrong types in the address or form, missing or
		// unreadable parameters, values the database refuses
		if (ex instanceof org.springframework.web.ErrorResponse framework
				&& framework.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
			return page(request, status,
					(status == HttpStatus.NOT_FOUND) ? "error.pageNotFound" : "error.api.badRequest", new Object[0],
					response);
		}
		if (ex instanceof org.springframework.beans.TypeMismatchException
				|| ex instanceof org.springframework.validation.BindException
				|| ex instanceof org.springframework.web.multipart.MultipartException) {
			return page(request, HttpStatus.BAD_REQUEST, "error.api.badRequest", new Object[0], response);
		}
		if (ex instanceof org.springframework.dao.DataIntegrityViolationException) {
			log.warn("The database refused a value the input checks let through: {}", ex.getMessage());
			return page(request, HttpStatus.BAD_REQUEST, "error.validation", new Object[0], response);
		}
		log.error("Unexpected failure of a page", ex);
		return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", new Object[0], response);
	}

	/**
	 * The problem page; under {@code /api/} (an API route a page controller serves, such
	 * as a download) the problem as {@code application/problem+json} in the caller's
	 * language instead, whatever the handler had begun to write.
	 */
	private ModelAndView page(HttpServletRequest request, HttpStatus status, String key, Object[] args,
			HttpServletResponse response) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && !response.isCommitted()) {
			response.reset();
			try {
				this.problems.write(response, ProblemDetail.forStatusAndDetail(status, this.problems.text(key, args)));
			}
			catch (java.io.IOException ex) {
				log.warn("Could not write the problem of {}: {}", request.getRequestURI(), ex.getMessage());
			}
			return new ModelAndView();
		}
		ModelAndView mav = new ModelAndView("platform/problem");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("messageKey", key);
		mav.addObject("messageArgs", args);
		response.setStatus(status.value());
		return mav;
	}

}

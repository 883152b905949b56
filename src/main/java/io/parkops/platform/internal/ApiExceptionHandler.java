package io.parkops.platform.internal;

import java.util.List;
import java.util.Map;

import io.parkops.platform.ParkOpsException;
import io.parkops.platform.excel.ImportError;
import io.parkops.platform.excel.ImportFailedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into {@code application/problem+json} with a message
 * a person understands and, for validation, the list of wrong fields. Never a stack
 * trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	private final ApiProblems problems;

	ApiExceptionHandler(MessageSource messages, ApiProblems problems) {
		this.messages = messages;
		this.problems = problems;
	}

	@ExceptionHandler(ParkOpsException.class)
	ResponseEntity<ProblemDetail> onParkOps(ParkOpsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), text(ex.messageKey(), ex.args()));
		if (!ex.fieldProblems().isEmpty()) {
			problem.setProperty("errors",
					ex.fieldProblems()
						.stream()
						.map((p) -> Map.of("field", p.field(), "message", text(p.messageKey(), p.args())))
						.toList());
		}
		return respond(problem);
	}

	@ExceptionHandler(ImportFailedException.class)
	ResponseEntity<ProblemDetail> onImport(ImportFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text("error.import.failed", ex.errors().size()));
		List<ImportError> errors = ex.errors()
			.stream()
			.map((e) -> new ImportError(e.row(), e.column(), text(e.message())))
			.toList();
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> onDenied(AccessDeniedException ex) {
		return respond(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("error.forbidden")));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> onDuplicate(DuplicateKeyException ex) {
		return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.duplicate")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> onMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", text("error.badValue"))));
		return respond(problem);
	}

	/**
	 * A value the database refused (too long, out of range, a broken reference): the
	 * input convention should have caught it before, so it is logged, but the caller
	 * still gets a 4xx and nothing is stored.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> onIntegrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		String state = sqlState(ex);
		log.warn("The database refused a value the input checks let through (SQL state {}) on {} {}: {}", state,
				request.getMethod(), request.getRequestURI(), ex.getMostSpecificCause().getMessage());
		boolean badValue = state != null && state.startsWith("22");
		return respond(ProblemDetail.forStatusAndDetail(badValue ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT,
				text(badValue ? "error.validation" : "error.duplicate")));
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> onUnexpected(Exception ex) {
		log.error("Unexpected failure of an API call", ex);
		return respond(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("error.internal")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
		problem.setProperty("errors",
				ex.getBindingResult()
					.getFieldErrors()
					.stream()
					.map((FieldError e) -> Map.of("field", e.getField(), "message",
							this.messages.getMessage(e, LocaleContextHolder.getLocale())))
					.toList());
		return asObject(respond(problem));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
		problem.setProperty("errors",
				ex.getParameterValidationResults()
					.stream()
					.flatMap((r) -> r.getResolvableErrors()
						.stream()
						.map((e) -> Map.of("field", String.valueOf(r.getMethodParameter().getParameterName()),
								"message", this.messages.getMessage(e, LocaleContextHolder.getLocale()))))
					.toList());
		return asObject(respond(problem));
	}

	/**
	 * A body that is not what the endpoint reads: too large (413), missing, not JSON, or
	 * a value of the wrong type or with control characters (400 naming the field).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = null;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestGuards.TooLarge) {
				return asObject(respond(this.problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.api.payloadTooLarge",
						ApiProblems.human(this.problems.maxBody()))));
			}
			if (t instanceof JacksonException j && json == null) {
				json = j;
			}
		}
		if (json == null) {
			String message = String.valueOf(ex.getMessage());
			return asObject(respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					text(message.startsWith("Required request body is missing") ? "error.api.bodyRequired"
							: "error.unreadable"))));
		}
		String field = fieldOf(json);
		if (field == null || json instanceof StreamReadException) {
			return asObject(
					respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.unreadable"))));
		}
		String message = (json instanceof InvalidFormatException f && f.getTargetType() == String.class)
				? text("error.controlCharacters") : text("error.badValue");
		return asObject(respond(ApiProblems.withField(
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation")), field, message)));
	}

	/** The field a JSON error is about, as {@code a.b[2].c}. */
	private static String fieldOf(JacksonException ex) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				field.append('[').append(ref.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? null : field.toString();
	}

	/**
	 * Every other failure the framework reports (missing parameters and parts, media
	 * types, methods): the same problem {@code /error} gives.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : "";
		ProblemDetail problem = this.problems.describe(ex, statusCode.value(), path);
		return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		HttpHeaders copy = new HttpHeaders();
		copy.putAll(headers);
		copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(body, copy, status);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@SuppressWarnings("unchecked")
	private static ResponseEntity<Object> asObject(ResponseEntity<?> entity) {
		return (ResponseEntity<Object>) entity;
	}

}

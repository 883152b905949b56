package io.parkops.platform.internal;

import java.util.List;
import java.util.Map;

import io.parkops.platform.ParkOpsException;
import io.parkops.platform.excel.ImportError;
import io.parkops.platform.excel.ImportFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
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

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.unreadable"))));
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

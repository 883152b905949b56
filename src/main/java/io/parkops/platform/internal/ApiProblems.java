package io.parkops.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.parkops.platform.Inputs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The problem (status and a message in the caller's language) for every failure the
 * framework reports before or around a controller: unknown paths, wrong methods, media
 * types, missing parts, oversized and rejected requests. Used by the API's exception
 * advice and by {@code /error}, so both say the same.
 */
@Component
class ApiProblems {

	/**
	 * Request attribute holding the problem a filter decided before sending the error.
	 */
	static final String PROBLEM = ApiProblems.class.getName() + ".problem";

	private final MessageSource messages;

	private final DataSize maxUpload;

	private final DataSize maxBody;

	private final org.springframework.web.servlet.LocaleResolver locales;

	ApiProblems(MessageSource messages, org.springframework.web.servlet.LocaleResolver locales,
			@Value("${spring.servlet.multipart.max-request-size:50MB}") DataSize maxUpload,
			@Value("${parkops.api.max-body-size:1MB}") DataSize maxBody) {
		this.messages = messages;
		this.locales = locales;
		this.maxUpload = maxUpload;
		this.maxBody = maxBody;
	}

	DataSize maxBody() {
		return this.maxBody;
	}

	String text(String key, Object... args) {
		try {
			return this.messages.getMessage(key, args, key, locale());
		}
		catch (RuntimeException ex) {
			return key;
		}
	}

	/** The caller's language, also in filters that run before the dispatcher sets it. */
	private java.util.Locale locale() {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
			return this.locales.resolveLocale(a.getRequest());
		}
		return LocaleContextHolder.getLocale();
	}

	/** A size as people write it: 1MB, 50MB, 512KB. */
	static String human(DataSize size) {
		long bytes = size.toBytes();
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + "MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + "KB";
		}
		return bytes + "B";
	}

	/**
	 * The problem for a failure, from the exception where there is one, else from the
	 * status alone.
	 * @param ex the exception, or null
	 * @param status the status already decided (e.g. by {@code sendError})
	 * @param path the path the client asked for
	 */
	ProblemDetail describe(Throwable ex, int status, String path) {
		String shown = Inputs.shorten(String.valueOf(path));
		if (ex instanceof HttpRequestMethodNotSupportedException m) {
			String supported = (m.getSupportedMethods() != null) ? String.join(", ", m.getSupportedMethods()) : "—";
			return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.api.methodNotAllowed", shown, m.getMethod(),
					supported);
		}
		if (ex instanceof HttpMediaTypeNotSupportedException u) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.api.unsupportedMediaType",
					(u.getContentType() != null) ? u.getContentType().toString() : "—",
					types(u.getSupportedMediaTypes()));
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException n) {
			return problem(HttpStatus.NOT_ACCEPTABLE, "error.api.notAcceptable", types(n.getSupportedMediaTypes()));
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.api.payloadTooLarge", human(this.maxUpload));
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return problem(HttpStatus.NOT_FOUND, "error.api.notFound", shown);
		}
		if (ex instanceof MissingServletRequestPartException p) {
			return withField(problem(HttpStatus.BAD_REQUEST, "error.api.missingPart", p.getRequestPartName()),
					p.getRequestPartName(), text("error.required"));
		}
		if (ex instanceof MissingServletRequestParameterException p) {
			return withField(problem(HttpStatus.BAD_REQUEST, "error.api.missingParameter", p.getParameterName()),
					p.getParameterName(), text("error.required"));
		}
		return switch (status) {
			case 401 -> problem(HttpStatus.UNAUTHORIZED, "error.unauthenticated");
			case 403 -> problem(HttpStatus.FORBIDDEN, "error.forbidden");
			case 404 -> problem(HttpStatus.NOT_FOUND, "error.api.notFound", shown);
			case 405 -> problem(HttpStatus.METHOD_NOT_ALLOWED, "error.api.methodNotAllowed", shown, "—", "—");
			case 406 -> problem(HttpStatus.NOT_ACCEPTABLE, "error.api.notAcceptable", "—");
			case 413 -> problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.api.payloadTooLarge", human(this.maxBody));
			case 415 -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.api.unsupportedMediaType", "—", "—");
			default -> (status >= 500 || status < 400) ? problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal")
					: problem(HttpStatus.valueOf(status), "error.api.badRequest");
		};
	}

	ProblemDetail problem(HttpStatus status, String key, Object... args) {
		return ProblemDetail.forStatusAndDetail(status, text(key, args));
	}

	static ProblemDetail withField(ProblemDetail problem, String field, String message) {
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static String types(List<MediaType> types) {
		return (types == null || types.isEmpty()) ? "—"
				: types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
	}

}

package io.parkops.platform.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes an {@code application/problem+json} body from a security filter, where no
 * controller advice applies.
 */
@Component
class ProblemWriter {

	private final JsonMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemWriter(JsonMapper json, MessageSource messages, LocaleResolver locales) {
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	/** The caller's language: filters run before the dispatcher resolves it. */
	private Locale locale() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return this.locales.resolveLocale(attributes.getRequest());
		}
		return LocaleContextHolder.getLocale();
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale());
	}

	void write(HttpServletResponse response, HttpStatus status, String messageKey) throws IOException {
		write(response, ProblemDetail.forStatusAndDetail(status, text(messageKey)));
	}

	/** Writes a problem built elsewhere (e.g. with the wrong field named). */
	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}

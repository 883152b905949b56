package io.parkops.platform.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes an {@code application/problem+json} body from a security filter, where no
 * controller advice applies.
 */
@Component
class ProblemWriter {

	private final JsonMapper json;

	private final MessageSource messages;

	ProblemWriter(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	void write(HttpServletResponse response, HttpStatus status, String messageKey) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(messageKey, null, messageKey, LocaleContextHolder.getLocale()));
		response.setStatus(status.value());
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}

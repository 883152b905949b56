package io.parkops.platform;

import org.springframework.http.HttpStatus;

/** Answered with FORBIDDEN (403). */
public class ForbiddenException extends ParkOpsException {

	public ForbiddenException(String messageKey, Object... args) {
		super(messageKey, args);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

}

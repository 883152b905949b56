package io.parkops.platform;

import org.springframework.http.HttpStatus;

/** Answered with CONFLICT (409). */
public class ConflictException extends ParkOpsException {

	public ConflictException(String messageKey, Object... args) {
		super(messageKey, args);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}

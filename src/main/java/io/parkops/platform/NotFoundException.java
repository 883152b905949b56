package io.parkops.platform;

import org.springframework.http.HttpStatus;

/** Answered with NOT FOUND (404). */
public class NotFoundException extends ParkOpsException {

	public NotFoundException(String messageKey, Object... args) {
		super(messageKey, args);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

}

package io.parkops.service;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * The enterprise rated the result of its request (1–5); a rating of 2 or less reopened
 * it.
 */
public record RequestRated(long id, String creditCode, String satisfaction,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.requestRated";
	}

	@Override
	public String summaryArgument() {
		return this.satisfaction;
	}

	@Override
	public String link() {
		return "/services/requests/" + this.id;
	}

}

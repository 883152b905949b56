package io.parkops.service;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A request (诉求) was resolved (办结) with its result.
 */
public record RequestResolved(long id, String creditCode, String title, Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.requestResolved";
	}

	@Override
	public String summaryArgument() {
		return this.title;
	}

	@Override
	public String link() {
		return "/services/requests/" + this.id;
	}

}

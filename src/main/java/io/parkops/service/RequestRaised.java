package io.parkops.service;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * An enterprise's request (诉求) was raised, in the portal or recorded by staff.
 */
public record RequestRaised(long id, String creditCode, String title, Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.requestRaised";
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

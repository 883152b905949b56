package io.parkops.service;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * Service staff or leaders visited the enterprise (走访).
 */
public record EnterpriseVisited(long id, String creditCode, String visitors,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.enterpriseVisited";
	}

	@Override
	public String summaryArgument() {
		return this.visitors;
	}

	@Override
	public String link() {
		return "/services/visits/" + this.id;
	}

}

package io.parkops.service;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * The enterprise applied for a policy (惠企政策申报).
 */
public record PolicyApplied(long id, String creditCode, String policy, Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.policyApplied";
	}

	@Override
	public String summaryArgument() {
		return this.policy;
	}

	@Override
	public String link() {
		return "/services/applications/" + this.id;
	}

}

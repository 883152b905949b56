package io.parkops.safety;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A hazard (隐患) of an enterprise was accepted (销号) after its rectification passed review.
 */
public record HazardAccepted(long hazardId, String creditCode, String category,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "safety.hazardAccepted";
	}

	@Override
	public String summaryArgument() {
		return this.category;
	}

	@Override
	public String link() {
		return "/safety/hazards/" + this.hazardId;
	}

}

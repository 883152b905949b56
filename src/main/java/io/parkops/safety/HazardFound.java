package io.parkops.safety;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A hazard (隐患) of an enterprise was found (发现) on an inspection or reported.
 */
public record HazardFound(long hazardId, String creditCode, String category,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "safety.hazardFound";
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

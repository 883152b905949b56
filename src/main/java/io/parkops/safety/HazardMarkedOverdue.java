package io.parkops.safety;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A hazard (隐患) of an enterprise was past its deadline, marked overdue by the daily job.
 */
public record HazardMarkedOverdue(long hazardId, String creditCode, String category,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "safety.hazardOverdue";
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

package io.parkops.safety;

import java.math.BigDecimal;
import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;
import io.parkops.report.ReportNumbers;

/**
 * A penalty (行政处罚) of the given amount (万元) was decided against an enterprise.
 */
public record PenaltyDecided(long penaltyId, String creditCode, BigDecimal amount,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "safety.penaltyDecided";
	}

	@Override
	public String summaryArgument() {
		return ReportNumbers.amount(this.amount);
	}

	@Override
	public String link() {
		return "/safety/penalties";
	}

}

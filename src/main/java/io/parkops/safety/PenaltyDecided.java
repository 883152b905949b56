package io.parkops.safety;

import java.math.BigDecimal;
import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A penalty (行政处罚) of the given amount (万元) was decided against an enterprise.
 */
public record PenaltyDecided(long penaltyId, String creditCode, BigDecimal amount,
		Instant occurredAt) implements EnterpriseEvent {

	/**
	 * The amount goes into the timeline as a bare number of 万元, the unit coming from the
	 * message in the reader's language (entries stored before under
	 * {@code safety.penaltyDecided} hold the amount with its Chinese unit).
	 */
	@Override
	public String summaryKey() {
		return "safety.penalty";
	}

	@Override
	public String summaryArgument() {
		return EnterpriseEvent.amount(this.amount);
	}

	@Override
	public String link() {
		return "/safety/penalties";
	}

}

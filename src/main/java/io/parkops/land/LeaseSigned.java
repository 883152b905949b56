package io.parkops.land;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * Published by the land and assets work line for the enterprise's timeline (一企一档).
 *
 * @param creditCode the enterprise
 * @param occurredAt when it happened
 * @param unitLabel what the sentence names
 * @param link the page about it
 */
public record LeaseSigned(String creditCode, Instant occurredAt, String unitLabel,
		String link) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "land.leaseSigned";
	}

	@Override
	public String summaryArgument() {
		return this.unitLabel;
	}

}

package io.parkops.land;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * Published by the land and assets work line for the enterprise's timeline (一企一档).
 *
 * @param creditCode the enterprise
 * @param occurredAt when it happened
 * @param parcelCode what the sentence names
 * @param link the page about it
 */
public record LandSupplied(String creditCode, Instant occurredAt, String parcelCode,
		String link) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "land.supplied";
	}

	@Override
	public String summaryArgument() {
		return this.parcelCode;
	}

}

package io.parkops.land;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * Published by the land and assets work line for the enterprise's timeline (一企一档) when a
 * 亩均 evaluation is final: the enterprise's class of that year.
 *
 * @param creditCode the enterprise
 * @param occurredAt when it happened
 * @param year the year evaluated
 * @param cls the class (A, B, C or D)
 * @param link the page about it
 */
public record PerMuClassFinalized(String creditCode, Instant occurredAt, int year, String cls,
		String link) implements EnterpriseEvent {

	/**
	 * One message per class, the year as its argument, so that the timeline reads in the
	 * reader's language (entries stored before under {@code land.perMuClass} hold the
	 * Chinese sentence).
	 */
	@Override
	public String summaryKey() {
		return "land.perMuClass." + this.cls;
	}

	@Override
	public String summaryArgument() {
		return Integer.toString(this.year);
	}

}

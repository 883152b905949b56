package io.parkops.service;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * The enterprise received financing (过桥应急周转金, 园区贷, 续贷); the argument is the kind and
 * amount as shown.
 */
public record FinancingGranted(long id, String creditCode, String amount,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.financingGranted";
	}

	@Override
	public String summaryArgument() {
		return this.amount;
	}

	@Override
	public String link() {
		return "/services/financing/" + this.id;
	}

}

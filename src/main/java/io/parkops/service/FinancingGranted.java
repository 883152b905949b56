package io.parkops.service;

import java.math.BigDecimal;
import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * The enterprise received financing of a kind ({@code BRIDGE} 过桥应急周转金, {@code PARK_LOAN}
 * 园区贷 and the like, {@code RENEWAL} 续贷) and amount (万元). The timeline keeps one message
 * per kind with the bare amount, so that kind and unit are read in the reader's language
 * (entries stored before under {@code service.financingGranted} hold the kind's code and
 * the amount).
 */
public record FinancingGranted(long id, String creditCode, String kind, BigDecimal amount,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "service.financed." + this.kind;
	}

	@Override
	public String summaryArgument() {
		return EnterpriseEvent.amount(this.amount);
	}

	@Override
	public String link() {
		return "/services/financing/" + this.id;
	}

}

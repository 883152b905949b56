package io.parkops.safety;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A rectification notice (整改通知书) with the given number was issued to an enterprise.
 */
public record NoticeIssued(long noticeId, String creditCode, String number,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "safety.noticeIssued";
	}

	@Override
	public String summaryArgument() {
		return this.number;
	}

	@Override
	public String link() {
		return "/safety/notices/" + this.noticeId;
	}

}

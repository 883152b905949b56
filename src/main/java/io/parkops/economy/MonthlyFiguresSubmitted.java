package io.parkops.economy;

import java.time.Instant;
import java.time.YearMonth;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * An enterprise's figures of a month (月报) were submitted, or corrected when they had been
 * submitted before.
 */
public record MonthlyFiguresSubmitted(String creditCode, YearMonth month, boolean correction,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return this.correction ? "monthly.corrected" : "monthly.submitted";
	}

	@Override
	public String summaryArgument() {
		return this.month.toString();
	}

	@Override
	public String link() {
		return "/economy/monthly/" + this.creditCode + "?month=" + this.month;
	}

}

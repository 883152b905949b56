package io.parkops.economy;

import java.time.Instant;
import java.time.YearMonth;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * An enterprise that had not reported a month was reminded to.
 */
public record MonthlyReportReminded(String creditCode, YearMonth month, Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "monthly.reminded";
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

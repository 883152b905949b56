package io.parkops.service.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of enterprise services ({@code parkops.service.*}).
 *
 * @param slaDays the days a request of each category has until its deadline (by category
 * code); a category without an entry gets {@code defaultSlaDays}
 * @param defaultSlaDays the deadline of any other category, in days
 * @param visitRhythmDays how often every enterprise is to be visited (default a quarter)
 * @param bridgeDueSoonDays how many days before its due date a bridge loan reminds
 * @param objectionDays the objection window (公示期) of a 免申即享 payout list, in days
 * @param escalationCron when the daily job escalates overdue requests to the leaders
 */
@ConfigurationProperties("parkops.service")
public record ServiceProperties(@DefaultValue Map<String, Integer> slaDays, @DefaultValue("15") int defaultSlaDays,
		@DefaultValue("90") int visitRhythmDays, @DefaultValue("7") int bridgeDueSoonDays,
		@DefaultValue("5") int objectionDays, @DefaultValue("0 20 0 * * *") String escalationCron) {

	/** The built-in deadlines (days) of the categories, used where none is configured. */
	static final Map<String, Integer> DEFAULT_SLA = Map.of("LABOUR", 15, "LAND", 30, "FINANCING", 15, "UTILITIES", 5,
			"APPROVAL", 20, "POLICY", 10, "LOGISTICS", 15, "SECURITY", 5, "OTHER", 15);

	/** The days a request of the category has. */
	public int slaDays(String category) {
		Integer configured = this.slaDays.get(category);
		if (configured != null) {
			return configured;
		}
		return DEFAULT_SLA.getOrDefault(category, this.defaultSlaDays);
	}

}

package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.parkops.economy.Indicator;

/**
 * One enterprise's report of one month (B204-1): its own figures (本月) and, when it
 * reported them, the figures of the same month a year earlier (上年同月).
 *
 * @param anomalies what looked unusual when it was saved; a note confirms them
 * @param note the confirming note or the reason of the last correction
 */
public record MonthlyFigures(String creditCode, YearMonth month, String zoneCode, Map<Indicator, BigDecimal> values,
		Map<Indicator, BigDecimal> priorYear, List<Anomaly> anomalies, String note, int revision, String submittedBy,
		OffsetDateTime submittedAt, String updatedBy, OffsetDateTime updatedAt) {

	/** Whether the anomalies, if any, were confirmed with a note. */
	public boolean confirmed() {
		return this.anomalies.isEmpty() || (this.note != null && !this.note.isBlank());
	}

	/**
	 * Something unusual in a month: {@code kind} is {@code ABOVE_USUAL} /
	 * {@code BELOW_USUAL} (more than 3× or under ⅓ of the enterprise's usual level, the
	 * {@code reference}) or {@code GROWTH} (year-on-year growth above 200%, the
	 * {@code reference} being the prior-year figure).
	 */
	public record Anomaly(String indicator, String kind, BigDecimal value, BigDecimal reference) {
	}

	static Map<Indicator, BigDecimal> emptyValues() {
		return new EnumMap<>(Indicator.class);
	}

}

package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.util.List;

// What online monitoring answers (API and pages).
public final class MonitoringViews {

	private MonitoringViews() {
	}

	// A list page: the items and how many match in all.
	public record Page<T>(List<T> items, long total) {
	}

	// The items of a series.
	public record Items<T>(List<T> items) {
	}

	// A factor of a point with its latest value of any series; latestInterval says which:
	// RAW (real time), MINUTE, HOUR or DAY (the data API's intervals).
	public record FactorView(String code, String name, String unit, BigDecimal limit, BigDecimal warning,
			BigDecimal latestValue, String latestFlag, String latestTime, String latestInterval, boolean aboveLimit) {
	}

	// A monitoring point; status ONLINE, OFFLINE or EXCEEDING (an exceedance alarm open);
	// longitude and latitude in WGS 84 degrees when known.
	public record PointView(long id, String mn, String name, String zoneCode, String enterpriseCreditCode,
			String enterpriseName, String kind, String location, boolean online, String lastPacketAt, boolean encrypted,
			long openAlarms, List<FactorView> factors, long version, BigDecimal longitude, BigDecimal latitude,
			String status) {
	}

	// A value of a series: its time (the zone's local time), value, min, max, flag.
	public record DataPoint(String time, BigDecimal value, BigDecimal min, BigDecimal max, String flag,
			boolean backfilled) {
	}

	// An alarm.
	public record AlarmView(long id, String mn, String factor, String kind, String status, String openedAt,
			String closedAt, BigDecimal maxValue, BigDecimal limit, String pointName, String factorName, String unit,
			String enterpriseCreditCode, String enterpriseName, String zoneCode, Long hazardId) {
	}

	// The receiver's counts since it started.
	public record ReceiverView(long packets, long stored, long badCrc, long unknownMn, long badPassword, long malformed,
			long duplicates, long connections, boolean listening, Integer port, long refusedConnections, long cutOff,
			long oversize, String startedAt) {
	}

	// A point's packets since the receiver started.
	public record PointHealthView(long packets, long stored, long badCrc, long badPassword, long malformed,
			long duplicates, String lastRefusedAt) {
	}

	// The answer of turning an alarm into a hazard.
	public record HazardLink(long hazardId) {
	}

}

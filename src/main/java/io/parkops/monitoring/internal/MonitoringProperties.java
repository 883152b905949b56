package io.parkops.monitoring.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

// Settings of online monitoring ({@code parkops.monitoring.*}).
// @param hj212 the receiver
// @param offlineAfter a point silent for longer gets an offline alarm (30 minutes)
// @param hazardAfter an exceedance open for longer becomes a hazard on its own (4 hours)
// @param hazardDays the rectification deadline of such a hazard, in days (7)
// @param hazardCategories the hazard category by point kind (WATER, AIR, VOC, NOISE,
// RAIN)
// @param retentionMonths months of series kept; older monthly partitions are dropped (36)
// @param rollupInterval how often minute, hour and day series are computed from real-time
// data (30 seconds)
// @param keySecret the secret the points' SM4 keys are encrypted with at rest
// ({@code PARKOPS_MONITORING_KEY_SECRET}, at least 32 characters; a development key with
// the embedded database only)
// @param simulator the demo zone's simulated data loggers
@ConfigurationProperties("parkops.monitoring")
record MonitoringProperties(@DefaultValue Receiver hj212, @DefaultValue("30m") Duration offlineAfter,
		@DefaultValue("4h") Duration hazardAfter, @DefaultValue("7") int hazardDays,
		@DefaultValue Map<String, String> hazardCategories, @DefaultValue("36") int retentionMonths,
		@DefaultValue("30s") Duration rollupInterval, @DefaultValue("") String keySecret,
		@DefaultValue Simulator simulator) {

	// The hazard category of a point kind: 环保（废水） for water, else 环保（废气/VOCs）.
	String hazardCategory(String kind) {
		String configured = this.hazardCategories.get(kind);
		if (configured != null) {
			return configured;
		}
		return ("WATER".equals(kind) || "RAIN".equals(kind)) ? "环保（废水）" : "环保（废气/VOCs）";
	}

	// The HJ 212 receiver.
	// @param enabled whether it listens ({@code PARKOPS_HJ212_ENABLED})
	// @param port its TCP port ({@code PARKOPS_HJ212_PORT}, 9212; 0 picks a free one)
	// @param host the address it binds (all by default)
	// @param maxFrameBytes a frame longer than this is cut off (10011: the 4-digit
	// length's 9999 plus the frame's 12)
	// @param idleTimeout a connection that sends nothing for this long is closed (5
	// minutes)
	// @param frameTimeout a connection whose bytes do not make a whole frame within this
	// time (a dribbling sender) is closed (30 seconds)
	// @param maxConnections connections beyond this are closed at once (2000)
	// @param maxConnectionsPerAddress connections of one address beyond this are closed
	// at once (200)
	// @param workerThreads the receiver's I/O threads (2)
	// @param batchSize packets written in one transaction at most (500)
	record Receiver(@DefaultValue("true") boolean enabled, @DefaultValue("9212") int port,
			@DefaultValue("") String host, @DefaultValue("10011") int maxFrameBytes,
			@DefaultValue("5m") Duration idleTimeout, @DefaultValue("30s") Duration frameTimeout,
			@DefaultValue("2000") int maxConnections, @DefaultValue("200") int maxConnectionsPerAddress,
			@DefaultValue("2") int workerThreads, @DefaultValue("500") int batchSize) {
	}

	// The demo zone's simulated loggers: they send real-time data (2011) over TCP to the
	// receiver every {@code interval} with an occasional exceedance, maintenance and
	// silence.
	// @param enabled whether they run (when the demo zone has points)
	// @param interval how often each sends (1 minute)
	record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval) {
	}

}

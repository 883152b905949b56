package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.util.List;

// What callers send to online monitoring.
public final class MonitoringCommands {

	private MonitoringCommands() {
	}

	// Registers a monitoring point (监测点位) with its factors; {@code sm4Key} (32 hex
	// digits) when its logger encrypts the data area (HJ 212-2025).
	public record RegisterPoint(String zoneCode, String enterpriseCreditCode, String mn, String name, String kind,
			String location, String password, String sm4Key, List<FactorInput> factors, BigDecimal longitude,
			BigDecimal latitude) {
	}

	// Changes a point: name, kind, location, coordinates and factors (limits, warning
	// levels) as sent; the logger's password only when one is sent. {@code version} is
	// the point's as read (or If-Match / ?version= on the API).
	public record UpdatePoint(Long version, String name, String kind, String location, String password,
			List<FactorInput> factors, BigDecimal longitude, BigDecimal latitude) {
	}

	// A factor: HJ 212 code, name, unit, permit limit and optional warning level.
	public record FactorInput(String code, String name, String unit, BigDecimal limit, BigDecimal warning) {
	}

	// A new SM4 key for a point (the previous one ends now).
	public record RotateKey(String sm4Key) {
	}

}

package io.parkops.monitoring.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import io.parkops.monitoring.internal.FactorNames;
import io.parkops.platform.Numbers;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Component;

// How the monitoring pages write the API's values: {@code ${@monitoringText.time(t)}} an
// offset date-time as the zone's yyyy-MM-dd HH:mm, {@code local(t)} a logger's local
// DataTime the same way, {@code value(v)} a measured value through @num (half up) with
// its own decimals, at most four; {@code factor(code, name)} and {@code unit(u)} a factor's
// name and unit for the reader (FactorNames).
@Component("monitoringText")
class MonitoringText {

	private final ZoneTime zoneTime;

	private final Numbers numbers;

	private final FactorNames factorNames;

	MonitoringText(ZoneTime zoneTime, Numbers numbers, FactorNames factorNames) {
		this.zoneTime = zoneTime;
		this.numbers = numbers;
		this.factorNames = factorNames;
	}

	public String factor(String code, String name) {
		return this.factorNames.name(code, name);
	}

	public String unit(String unit) {
		return this.factorNames.unit(unit);
	}

	public String time(String offset) {
		return (offset != null) ? this.zoneTime.format(OffsetDateTime.parse(offset)) : "";
	}

	public String local(String local) {
		return (local != null) ? this.zoneTime.format(LocalDateTime.parse(local)) : "";
	}

	public String value(BigDecimal value) {
		if (value == null) {
			return null;
		}
		int scale = Math.max(0, Math.min(value.stripTrailingZeros().scale(), 4));
		return this.numbers.format(value, scale);
	}

}

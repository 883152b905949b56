package io.parkops.monitoring;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

// An online-monitoring alarm of an enterprise's point closed: the value is back within
// its limit, the instrument works again or the point is heard from again.
// @param alarmId the alarm
// @param creditCode the enterprise
// @param kind EXCEEDANCE, INSTRUMENT or OFFLINE
// @param description the point (and factor), as the timeline shows it
// @param occurredAt when it closed
public record MonitoringAlarmClosed(long alarmId, String creditCode, String kind, String description,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "monitoring.closed." + this.kind;
	}

	@Override
	public String summaryArgument() {
		return this.description;
	}

	@Override
	public String link() {
		// no page of its own yet: the alarm is read at /api/v1/monitoring/alarms/{id}
		return null;
	}

}

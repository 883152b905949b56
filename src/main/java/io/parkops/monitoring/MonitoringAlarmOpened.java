package io.parkops.monitoring;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

// An online-monitoring alarm of an enterprise's point opened: an exceedance (超标), an
// instrument fault or a point gone silent.
// @param alarmId the alarm
// @param creditCode the enterprise
// @param kind EXCEEDANCE, INSTRUMENT or OFFLINE
// @param description the point (and factor), as the timeline shows it
// @param occurredAt when it opened
public record MonitoringAlarmOpened(long alarmId, String creditCode, String kind, String description,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "monitoring.opened." + this.kind;
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

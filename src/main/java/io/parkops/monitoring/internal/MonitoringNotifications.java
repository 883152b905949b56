package io.parkops.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Component;

// Reminders in the top bar: alarms opened within the last day and still open — of the
// current zone for safety staff, of its own points for an enterprise user — linking to
// the alarm list filtered to them.
@Component
class MonitoringNotifications implements NotificationSource {

	static final Duration RECENT = Duration.ofHours(24);

	private final MonitoringPages pages;

	private final ZoneTime zoneTime;

	MonitoringNotifications(MonitoringPages pages, ZoneTime zoneTime) {
		this.pages = pages;
		this.zoneTime = zoneTime;
	}

	@Override
	public List<Notification> notificationsFor(CurrentUser user, String zoneCode) {
		String creditCode = user.isEnterpriseUser() ? user.enterpriseCreditCode() : null;
		boolean audience = user.isEnterpriseUser() ? user.has("monitoring:alarm:read") && creditCode != null
				: user.has("monitoring:alarm:handle") && zoneCode != null && user.canSeeZone(zoneCode);
		if (!audience) {
			return List.of();
		}
		LocalDateTime since = LocalDateTime.now(this.zoneTime.zoneId()).minus(RECENT).truncatedTo(ChronoUnit.MINUTES);
		long count = this.pages.openedSince(zoneCode, creditCode, since.atZone(this.zoneTime.zoneId()).toInstant());
		if (count == 0) {
			return List.of();
		}
		return List.of(new Notification("monitoring.reminder.newAlarms", count,
				"/monitoring/alarms?status=OPEN&from=" + since, "danger"));
	}

}

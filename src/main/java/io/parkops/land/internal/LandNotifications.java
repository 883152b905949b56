package io.parkops.land.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.parkops.land.internal.AssetViews.LeaseView;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;

import org.springframework.stereotype.Component;

/**
 * Reminders in the top bar: for land staff the idle-land notices due (fee and reclaim),
 * the 标准地 past their 达产 date not met and the rent over 90 days overdue of the current
 * zone; for an enterprise user its own rent overdue, its own leases ending within the
 * expiry window and an evaluation open to objection.
 */
@Component
class LandNotifications implements NotificationSource {

	private final LandStatistics statistics;

	private final AssetService assets;

	private final PerMuService perMu;

	LandNotifications(LandStatistics statistics, AssetService assets, PerMuService perMu) {
		this.statistics = statistics;
		this.assets = assets;
		this.perMu = perMu;
	}

	@Override
	public List<Notification> notificationsFor(CurrentUser user, String zoneCode) {
		List<Notification> reminders = new ArrayList<>();
		LocalDate today = LandScope.today();
		if (user.isEnterpriseUser()) {
			if (user.has("land:asset:read") && user.enterpriseCreditCode() != null) {
				// the tenant's own leases only: rent past its due date and a lease ending
				// soon
				List<LeaseView> mine = this.assets.leasesOfTenant(user.enterpriseCreditCode(), today);
				long overdue = mine.stream()
					.filter((l) -> l.arrears().subtract(l.buckets().current()).signum() > 0)
					.count();
				if (overdue > 0) {
					reminders.add(new Notification("land.reminder.myRentOverdue", overdue,
							"/assets/bills?status=OVERDUE", "warn"));
				}
				long expiring = mine.stream().filter((l) -> this.assets.expiring(l, today)).count();
				if (expiring > 0) {
					reminders.add(new Notification("land.reminder.myLeaseExpiring", expiring,
							"/assets/leases?filter=expiring", "info"));
				}
			}
			if (user.has("land:permu:object")) {
				long open = this.perMu.openWindowsOf(user.enterpriseCreditCode(), today).size();
				if (open > 0) {
					reminders.add(new Notification("land.reminder.myObjectionWindow", open, "/land/per-mu", "info"));
				}
			}
			return reminders;
		}
		if (zoneCode == null || !user.canSeeZone(zoneCode)) {
			return reminders;
		}
		if (user.has("land:parcel:read")) {
			List<LandStatistics.Due> due = this.statistics.noticesDue(zoneCode, today);
			long reclaim = due.stream().filter((d) -> d.kind().equals("RECLAIM")).count();
			long fee = due.size() - reclaim;
			if (reclaim > 0) {
				reminders.add(new Notification("land.reminder.reclaimDue", reclaim, "/land/idle", "danger"));
			}
			if (fee > 0) {
				reminders.add(new Notification("land.reminder.feeDue", fee, "/land/idle", "warn"));
			}
			long notMet = this.statistics.commitments(zoneCode, today).stream().filter((c) -> !c.met()).count();
			if (notMet > 0) {
				reminders
					.add(new Notification("land.reminder.standardNotMet", notMet, "/land/supplies?tab=checks", "warn"));
			}
		}
		if (user.has("land:asset:read")) {
			long arrears90 = this.assets.longArrears(zoneCode, today).size();
			if (arrears90 > 0) {
				reminders.add(new Notification("land.reminder.arrears90", arrears90, "/assets/leases?filter=over90",
						"danger"));
			}
		}
		return reminders;
	}

}

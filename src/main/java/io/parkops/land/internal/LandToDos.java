package io.parkops.land.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.parkops.land.internal.AssetViews.LeaseView;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;

import org.springframework.stereotype.Component;

/**
 * The land work waiting for the signed-in user (我的待办): for land staff the idle-land fee
 * and reclaim notices that are due and not issued, the leases ending within 90 days and
 * the per-mu objections to answer; for an enterprise user an evaluation published with
 * its objection window open.
 */
@Component
class LandToDos implements ToDoSource {

	private final LandStatistics statistics;

	private final AssetService assets;

	private final PerMuService perMu;

	LandToDos(LandStatistics statistics, AssetService assets, PerMuService perMu) {
		this.statistics = statistics;
		this.assets = assets;
		this.perMu = perMu;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		List<ToDo> items = new ArrayList<>();
		LocalDate today = LandScope.today();
		if (user.isEnterpriseUser()) {
			if (user.has("land:permu:object")) {
				List<LocalDate> windows = this.perMu.openWindowsOf(user.enterpriseCreditCode(), today);
				items.add(new ToDo("todo.land.myObjectionWindow", windows.size(),
						windows.stream().min(Comparator.naturalOrder()).orElse(null), "/land/per-mu"));
			}
			return items;
		}
		if (zoneCode == null) {
			return items;
		}
		if (user.has("land:parcel:edit")) {
			List<LandStatistics.Due> due = this.statistics.noticesDue(zoneCode, today);
			List<LandStatistics.Due> fee = due.stream().filter((d) -> d.kind().equals("FEE")).toList();
			List<LandStatistics.Due> reclaim = due.stream().filter((d) -> d.kind().equals("RECLAIM")).toList();
			items.add(new ToDo("todo.land.feeDue", fee.size(),
					fee.stream().map(LandStatistics.Due::dueOn).min(Comparator.naturalOrder()).orElse(null),
					"/land/idle"));
			items.add(new ToDo("todo.land.reclaimDue", reclaim.size(),
					reclaim.stream().map(LandStatistics.Due::dueOn).min(Comparator.naturalOrder()).orElse(null),
					"/land/idle"));
		}
		if (user.has("land:asset:edit")) {
			List<LeaseView> expiring = this.assets.expiring(zoneCode, today);
			items.add(new ToDo("todo.land.expiring", expiring.size(),
					expiring.stream().map(LeaseView::to).min(Comparator.naturalOrder()).orElse(null),
					"/assets/leases?filter=expiring"));
		}
		if (user.has("land:permu:edit")) {
			items.add(new ToDo("todo.land.objections", this.perMu.openObjections(zoneCode), null, "/land/per-mu"));
		}
		return items;
	}

}

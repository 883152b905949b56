package io.parkops.land.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * The land and assets work line's (要素保障) menu entries and permissions: land staff hold
 * all of them, leaders read, an enterprise reads its own per-mu results (and objects to
 * them) and its own leases and bills.
 */
@Component
class LandWorkLine implements MenuContributor, PermissionContributor {

	private static final String LAND = "menu.group.land";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(
				new MenuEntry(LAND, 600, "▦", "menu.land.parcels", "/land/parcels", "land:parcel:read",
						List.of("/land/parcels/"), MenuEntry.Audience.STAFF),
				new MenuEntry(LAND, 610, "◫", "menu.land.map", "/land/map", "land:parcel:read", List.of(),
						MenuEntry.Audience.STAFF),
				new MenuEntry(LAND, 620, "⇄", "menu.land.supplies", "/land/supplies", "land:parcel:read",
						List.of("/land/supplies/", "/land/batches", "/land/expropriations"), MenuEntry.Audience.STAFF),
				new MenuEntry(LAND, 630, "⏳", "menu.land.idle", "/land/idle", "land:parcel:read",
						List.of("/land/disposals"), MenuEntry.Audience.STAFF),
				new MenuEntry(LAND, 640, "★", "menu.land.perMu", "/land/per-mu", "land:permu:read",
						List.of("/land/per-mu/"), MenuEntry.Audience.ANYONE),
				new MenuEntry(LAND, 650, "⌂", "menu.land.leases", "/assets/leases", "land:asset:read",
						List.of("/assets/leases/", "/assets/units"), MenuEntry.Audience.ANYONE),
				new MenuEntry(LAND, 655, "¥", "menu.land.bills", "/assets/bills", "land:asset:read",
						List.of("/assets/bills/"), MenuEntry.Audience.ANYONE),
				new MenuEntry(LAND, 660, "▤", "menu.land.statistics", "/land/statistics", "land:statistics:read",
						List.of(), MenuEntry.Audience.STAFF));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		List<PermissionDeclaration> all = new ArrayList<>();
		all.add(declare("parcel:read", "土地查看", "View land", "LEADER"));
		all.add(declare("parcel:edit", "土地管理", "Manage land"));
		all.add(declare("permu:read", "亩均评价查看", "View per-mu evaluation", "LEADER", "ENTERPRISE"));
		all.add(declare("permu:edit", "亩均评价管理", "Run per-mu evaluation"));
		all.add(PermissionDeclaration.of("land:permu:object", "亩均结果异议", "Object to a per-mu result", "ENTERPRISE"));
		all.add(declare("asset:read", "资产租赁查看", "View assets and leases", "LEADER", "ENTERPRISE"));
		all.add(declare("asset:edit", "资产租赁管理", "Manage assets and leases"));
		all.add(declare("statistics:read", "要素保障统计", "Land and assets statistics", "LEADER"));
		all.add(declare("data:export", "要素保障导出", "Export land and assets lists", "LEADER"));
		return all;
	}

	/** Land staff get every land permission but objecting; the other roles are named. */
	private static PermissionDeclaration declare(String resourceAction, String zh, String en, String... others) {
		List<String> roles = new ArrayList<>(List.of(others));
		roles.add("LAND_STAFF");
		return PermissionDeclaration.of("land:" + resourceAction, zh, en, roles.toArray(String[]::new));
	}

}

package io.parkops.cockpit.web;

import io.parkops.cockpit.internal.CockpitData;
import io.parkops.cockpit.internal.CockpitService;
import io.parkops.platform.AccessScope;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.ZoneSelection;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The cockpit page, its full-screen 大屏 mode and the JSON both draw their charts from.
 */
@Controller
class CockpitPagesController {

	private final CockpitService cockpit;

	private final ZoneSelection zones;

	private final ZoneTime time;

	CockpitPagesController(CockpitService cockpit, ZoneSelection zones, ZoneTime time) {
		this.cockpit = cockpit;
		this.zones = zones;
		this.time = time;
	}

	@GetMapping("/cockpit")
	@RouteAccess(permission = "cockpit:cockpit:read", scope = AccessScope.ZONE)
	String page(Model model) {
		model.addAttribute("data", this.cockpit.cockpit(zone()));
		return "cockpit/cockpit";
	}

	@GetMapping("/cockpit/screen")
	@RouteAccess(permission = "cockpit:cockpit:read", scope = AccessScope.ZONE)
	String screen(Model model) {
		model.addAttribute("data", this.cockpit.cockpit(zone()));
		model.addAttribute("timeZone", this.time.zoneId().getId());
		return "cockpit/screen";
	}

	/** The wall display's figures, polled every minute. */
	@GetMapping("/cockpit/screen/kpis")
	@RouteAccess(permission = "cockpit:cockpit:read", scope = AccessScope.ZONE)
	String screenKpis(Model model) {
		model.addAttribute("data", this.cockpit.cockpit(zone()));
		return "cockpit/screen :: kpis";
	}

	@GetMapping("/cockpit/data.json")
	@ResponseBody
	@RouteAccess(permission = "cockpit:cockpit:read", scope = AccessScope.ZONE)
	CockpitData data(@RequestParam(required = false) String zone) {
		return this.cockpit.cockpit((zone != null && !zone.isBlank()) ? zone : zone());
	}

	private String zone() {
		String zone = this.zones.current();
		if (zone == null) {
			throw new ForbiddenException("error.zoneOutOfScope");
		}
		return zone;
	}

}

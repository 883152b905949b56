package io.parkops.cockpit.web;

import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.internal.CockpitData;
import io.parkops.cockpit.internal.CockpitService;
import io.parkops.platform.AccessScope;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.ZoneSelection;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final MessageSource messages;

	CockpitPagesController(CockpitService cockpit, ZoneSelection zones, MessageSource messages) {
		this.cockpit = cockpit;
		this.zones = zones;
		this.messages = messages;
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
		return localized(this.cockpit.cockpit((zone != null && !zone.isBlank()) ? zone : zone()));
	}

	/** The indicator names in the page's language, for the charts' axes. */
	private CockpitData localized(CockpitData data) {
		CockpitData.Economy e = data.economy();
		if (e == null) {
			return data;
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<CockpitData.Indicator> indicators = e.indicators()
			.stream()
			.map((i) -> new CockpitData.Indicator(i.code(),
					this.messages.getMessage("cockpit.indicator." + i.code(), null, i.name(), locale), i.unit(),
					i.current(), i.text(), i.growthPct(), i.targetKind(), i.targetGrowthPct(), i.progressPct(),
					i.gapPoints(), i.behind(), i.labels()))
			.toList();
		return new CockpitData(data.zone(), data.zoneName(), data.asOf(),
				new CockpitData.Economy(e.year(), e.month(), e.timeProgressPct(), indicators, e.trend(), e.byIndustry(),
						e.byArea(), e.expected(), e.reported(), e.preliminary()),
				data.safety(), data.tiles());
	}

	private String zone() {
		String zone = this.zones.current();
		if (zone == null) {
			throw new ForbiddenException("error.zoneOutOfScope");
		}
		return zone;
	}

}

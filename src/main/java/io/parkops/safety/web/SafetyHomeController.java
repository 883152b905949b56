package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.time.LocalDate;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.SafetyStatistics;
import io.parkops.safety.SafetySummary;
import io.parkops.safety.internal.HazardFilter;
import io.parkops.safety.internal.HazardService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.SafetyProperties;
import io.parkops.safety.internal.StatisticsQueries;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview page of safety and environment supervision (安全环保首页): open, overdue and
 * due-soon hazards.
 */
@Controller
class SafetyHomeController {

	private final HazardService hazards;

	private final SafetyStatistics statistics;

	private final StatisticsQueries queries;

	private final SafetyProperties properties;

	private final ZoneDirectory zoneDirectory;

	private final PageSupport support;

	SafetyHomeController(HazardService hazards, SafetyStatistics statistics, StatisticsQueries queries,
			SafetyProperties properties, ZoneDirectory zoneDirectory, PageSupport support) {
		this.hazards = hazards;
		this.statistics = statistics;
		this.queries = queries;
		this.properties = properties;
		this.zoneDirectory = zoneDirectory;
		this.support = support;
	}

	@GetMapping("/safety")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	String home(Model model) {
		if (CurrentUser.get().isEnterpriseUser()) {
			return "redirect:/safety/hazards";
		}
		String zone = this.support.zone();
		model.addAttribute("zone", (zone != null) ? this.zoneDirectory.zone(zone).orElse(null) : null);
		if (zone != null) {
			LocalDate today = Inputs.today();
			model.addAttribute("open", this.statistics.openHazards(zone));
			model.addAttribute("overdueCount", this.statistics.overdueHazards(zone));
			model.addAttribute("dueSoonCount", this.queries.dueSoon(zone, null, today));
			SafetySummary year = this.statistics.summary(zone, LocalDate.of(today.getYear(), 1, 1), today);
			model.addAttribute("year", year);
			model.addAttribute("overdue",
					this.hazards.hazards(new HazardFilter(zone, null, null, true, null, null, null, null, null, 0, 10))
						.items());
			model.addAttribute("dueSoon",
					this.hazards.hazards(new HazardFilter(zone, null, null, null, true, null, null, null, null, 0, 10))
						.items());
			model.addAttribute("dueSoonDays", this.properties.dueSoonDays());
		}
		return "safety/home";
	}

}

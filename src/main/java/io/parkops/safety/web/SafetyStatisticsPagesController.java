package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.MonthlyHazards;
import io.parkops.safety.SafetyStatistics;
import io.parkops.safety.SafetySummary;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.StatisticsQueries;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The statistics page of safety and environment supervision (安全环保统计) and its chart data.
 */
@Controller
class SafetyStatisticsPagesController {

	private final SafetyStatistics statistics;

	private final StatisticsQueries queries;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zoneDirectory;

	private final PageSupport support;

	SafetyStatisticsPagesController(SafetyStatistics statistics, StatisticsQueries queries,
			EnterpriseRegistry enterprises, ZoneDirectory zoneDirectory, PageSupport support) {
		this.statistics = statistics;
		this.queries = queries;
		this.enterprises = enterprises;
		this.zoneDirectory = zoneDirectory;
		this.support = support;
	}

	@GetMapping("/safety/statistics")
	@RouteAccess(permission = "safety:statistics:read", scope = AccessScope.ZONE)
	String statisticsPage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String area, Model model) {
		String zone = this.support.zone();
		LocalDate today = Inputs.today();
		LocalDate start = (from != null) ? from : LocalDate.of(today.getYear(), 1, 1);
		LocalDate end = (to != null) ? to : today;
		if (end.isBefore(start)) {
			end = start;
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("area", SafetyApiController.blank(area));
		if (zone != null) {
			this.statistics.openHazards(zone);
			ZoneDirectory.Zone z = this.zoneDirectory.require(zone);
			model.addAttribute("zone", z);
			List<String> codes = null;
			if (SafetyApiController.blank(area) != null) {
				codes = this.enterprises.ofZone(zone)
					.stream()
					.filter((e) -> area.equals(e.areaCode()))
					.map(Enterprise::creditCode)
					.toList();
			}
			SafetySummary s = this.queries.summary(zone, start, end, today, codes);
			model.addAttribute("s", s);
			model.addAttribute("visits", this.queries.visits(zone, start, end,
					(codes != null) ? codes.toArray(String[]::new) : null, false));
			model.addAttribute("byCategory", this.queries.byCategory(zone, start, end, today, codes));
			model.addAttribute("ranking", this.queries.ranking(zone, today, 10, codes));
			model.addAttribute("byKind", this.queries.inspectionsByKind(zone, start, end));
			model.addAttribute("year", end.getYear());
		}
		return "safety/statistics";
	}

	/** Chart data of the statistics page: the monthly trend of a year. */
	@GetMapping("/safety/statistics/trend.json")
	@ResponseBody
	@RouteAccess(permission = "safety:statistics:read", scope = AccessScope.ZONE)
	Map<String, Object> trend(@RequestParam(required = false) Integer year) {
		String zone = this.support.zone();
		Map<String, Object> data = new LinkedHashMap<>();
		if (zone == null) {
			return data;
		}
		List<MonthlyHazards> months = this.statistics.monthlyTrend(zone,
				(year != null) ? year : Inputs.today().getYear());
		Map<String, Object> trend = new LinkedHashMap<>();
		trend.put("labels", months.stream().map((m) -> m.month().toString()).toList());
		trend.put("series",
				List.of(series(this.support.text("safety.stats.found"), "bar",
						months.stream().map(MonthlyHazards::found).toList()),
						series(this.support.text("safety.stats.accepted"), "bar",
								months.stream().map(MonthlyHazards::accepted).toList()),
						series(this.support.text("safety.stats.overdueAtMonthEnd"), "line",
								months.stream().map(MonthlyHazards::overdueOpen).toList())));
		data.put("trend", trend);
		return data;
	}

	private static Map<String, Object> series(String name, String type, List<?> values) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("type", type);
		s.put("values", values);
		return s;
	}

}

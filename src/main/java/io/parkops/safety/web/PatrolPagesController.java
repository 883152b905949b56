package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.parkops.safety.internal.CaseService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyViews.DutyView;
import io.parkops.safety.internal.SafetyViews.Page;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the patrol log (巡查调查日报) and the duty roster (值班).
 */
@Controller
class PatrolPagesController {

	private final CaseService cases;

	private final SafetyExports exports;

	private final PageSupport support;

	PatrolPagesController(CaseService cases, SafetyExports exports, PageSupport support) {
		this.cases = cases;
		this.exports = exports;
		this.support = support;
	}

	@GetMapping("/safety/patrols")
	@RouteAccess(permission = "safety:patrol:read", scope = AccessScope.ZONE)
	String patrolList(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.support.zone();
		LocalDate end = (to != null) ? to : Inputs.today();
		LocalDate start = (from != null) ? from : end.minusDays(30);
		Page<?> result = (zone != null) ? this.cases.patrols(zone, start, end, Math.max(page, 0), 20)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", PageSupport.pages(result.total(), 20));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("today", Inputs.today());
		model.addAttribute("openComplaints",
				(zone != null) ? this.cases.complaints(zone, null, 0, 100)
					.items()
					.stream()
					.filter((c) -> !"CLOSED".equals(c.status()))
					.toList() : List.of());
		model.addAttribute("onDuty",
				(zone != null) ? this.cases.roster(zone, Inputs.today(), Inputs.today()) : List.of());
		return "safety/patrols";
	}

	@GetMapping("/safety/patrols/export")
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	void exportPatrols(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		LocalDate end = (to != null) ? to : Inputs.today();
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "patrols.xlsx");
		this.exports.patrols(this.support.zone(), (from != null) ? from : end.minusDays(30), end,
				response.getOutputStream());
	}

	@PostMapping("/safety/patrols")
	@RouteAccess(permission = "safety:patrol:edit", scope = AccessScope.ZONE)
	String recordPatrol(@RequestParam(required = false) String patrolOn, @RequestParam(required = false) String route,
			@RequestParam(required = false) String patrollers, @RequestParam(required = false) String findings,
			@RequestParam(required = false) Long complaintId, RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/patrols", redirect,
				() -> this.cases.recordPatrol(new SafetyCommands.RecordPatrol(this.support.zone(), patrolOn, route,
						patrollers, findings, complaintId)));
	}

	@GetMapping("/safety/duty")
	@RouteAccess(permission = "safety:patrol:read", scope = AccessScope.ZONE)
	String duty(@RequestParam(required = false) String month, @RequestParam(required = false) String date,
			Model model) {
		String zone = this.support.zone();
		YearMonth m;
		try {
			m = (month != null && !month.isBlank()) ? YearMonth.parse(month) : YearMonth.from(Inputs.today());
		}
		catch (java.time.format.DateTimeParseException ex) {
			m = YearMonth.from(Inputs.today());
		}
		if (!model.containsAttribute("dutyForm")) {
			LocalDate day = Inputs.today();
			try {
				day = (date != null && !date.isBlank()) ? LocalDate.parse(date) : day;
			}
			catch (java.time.format.DateTimeParseException ex) {
				// the form starts at today
			}
			DutyView existing = (zone != null) ? this.cases.roster(zone, day, day).stream().findFirst().orElse(null)
					: null;
			model.addAttribute("dutyForm",
					(existing != null) ? new DutyForm(day.toString(), existing.leader(), existing.staff(),
							existing.phone(), existing.version()) : new DutyForm(day.toString(), "", "", "", null));
		}
		Map<LocalDate, DutyView> byDay = (zone != null) ? this.cases.roster(zone, m.atDay(1), m.atEndOfMonth())
			.stream()
			.collect(Collectors.toMap(DutyView::on, (d) -> d)) : Map.of();
		List<Map<String, Object>> days = new ArrayList<>();
		for (int d = 1; d <= m.lengthOfMonth(); d++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("date", m.atDay(d));
			row.put("duty", byDay.get(m.atDay(d)));
			days.add(row);
		}
		model.addAttribute("month", m);
		model.addAttribute("previous", m.minusMonths(1));
		model.addAttribute("next", m.plusMonths(1));
		model.addAttribute("days", days);
		model.addAttribute("today", Inputs.today());
		return "safety/duty";
	}

	/**
	 * A day of the duty roster as typed, with the version it was read at (none for a new
	 * day).
	 */
	record DutyForm(String date, String leader, String staff, String phone, Long version) {
	}

	@PostMapping("/safety/duty")
	@RouteAccess(permission = "safety:patrol:edit", scope = AccessScope.ZONE)
	String assignDuty(DutyForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String date = form.date();
		String month = (date != null && date.length() >= 7) ? date.substring(0, 7) : "";
		return this.support.versioned(model, response, "redirect:/safety/duty?month=" + month, redirect, () -> {
			model.addAttribute("dutyForm", form);
			return duty(month, date, model);
		}, () -> this.cases.assignDuty(this.support.zone(), date,
				new SafetyCommands.AssignDuty(form.leader(), form.staff(), form.phone(), form.version())));
	}

}

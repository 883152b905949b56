package io.parkops.service.web;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.RouteAccess;
import io.parkops.service.internal.ActivityService;
import io.parkops.service.internal.Kinds;
import io.parkops.service.internal.Scopes;
import io.parkops.service.internal.ServiceCommands;
import io.parkops.service.internal.ServiceStatistics;
import io.parkops.service.internal.ServiceViews.FinancingView;
import io.parkops.service.internal.ServiceViews.JobFairView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.VisitView;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of visits with the service people (企业秘书, coverage, enterprises overdue for a
 * visit), financing, job fairs and the statistics of enterprise services.
 */
@Controller
class ActivityPagesController {

	private final ActivityService activities;

	private final ServiceStatistics statistics;

	private final ServicePages pages;

	ActivityPagesController(ActivityService activities, ServiceStatistics statistics, ServicePages pages) {
		this.activities = activities;
		this.statistics = statistics;
		this.pages = pages;
	}

	private void paging(Model model, Page<?> result, int page) {
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", ServicePages.pages(result.total()));
		model.addAttribute("today", Scopes.today());
	}

	@GetMapping("/services/visits")
	@RouteAccess(permission = "service:visit:read", scope = AccessScope.ZONE)
	String visits(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.pages.zone();
		Page<VisitView> result = (zone != null)
				? this.activities.visits(zone, null, null, null, Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		paging(model, result, page);
		if (zone != null) {
			LocalDate today = Scopes.today();
			ServiceStatistics.Secretaries s = this.statistics.secretaries(zone);
			model.addAttribute("secretaries", s);
			model.addAttribute("loads", this.statistics.secretaryLoads(zone, today.withDayOfYear(1), today));
			List<ServiceStatistics.VisitDue> due = this.statistics.visitsDue(zone, today);
			model.addAttribute("due", due.stream().limit(50).toList());
			model.addAttribute("dueCount", due.size());
			model.addAttribute("activeCount", this.statistics.activeCount(zone));
			model.addAttribute("coveragePct", this.statistics.coveragePct(zone));
			model.addAttribute("rhythm", this.statistics.visitRhythmDays());
		}
		return "service/visits";
	}

	@PostMapping("/services/visits")
	@RouteAccess(permission = "service:visit:edit", scope = AccessScope.ZONE)
	String recordVisit(@RequestParam(required = false) String date,
			@RequestParam(required = false) List<String> enterpriseCreditCodes,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String notes,
			@RequestParam(required = false) String deeds, RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/visits", redirect,
				() -> this.activities
					.recordVisit(new ServiceCommands.RecordVisit(this.pages.zone(), date, enterpriseCreditCodes,
							ServicePages.split(visitors), notes, ServicePages.whole(deeds, "deeds"))));
	}

	@GetMapping("/services/financing")
	@RouteAccess(permission = "service:financing:read", scope = AccessScope.ENTERPRISE)
	String financing(@RequestParam(required = false) String kind, @RequestParam(required = false) String product,
			@RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = CurrentUser.get();
		String zone = this.pages.zone();
		Page<FinancingView> result = (zone != null || me.isEnterpriseUser()) ? this.activities.financings(zone,
				Inputs.trim(kind), Inputs.trim(product), open, null, null, Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		paging(model, result, page);
		model.addAttribute("kind", Inputs.trim(kind));
		model.addAttribute("product", Inputs.trim(product));
		model.addAttribute("open", open);
		model.addAttribute("kinds", Kinds.FinancingKind.values());
		model.addAttribute("products", Kinds.LoanProduct.values());
		model.addAttribute("mine", me.isEnterpriseUser());
		if (zone != null) {
			LocalDate today = Scopes.today();
			ServiceStatistics.Summary year = this.statistics.compute(zone, today.withDayOfYear(1), today);
			model.addAttribute("year", year.financing());
			model.addAttribute("yearProducts", year.parkLoanProducts());
		}
		return "service/financing";
	}

	@PostMapping("/services/financing")
	@RouteAccess(permission = "service:financing:edit", scope = AccessScope.ZONE)
	String recordFinancing(@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String on,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String bank,
			@RequestParam(required = false) String dueOn, @RequestParam(required = false) String fee,
			@RequestParam(required = false) String product, RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/financing", redirect,
				() -> this.activities.recordFinancing(new ServiceCommands.RecordFinancing(enterpriseCreditCode, kind,
						on, ServicePages.decimal(amount, "amount"), bank, dueOn, ServicePages.decimal(fee, "fee"),
						Kinds.FinancingKind.PARK_LOAN.name().equals(kind) ? Inputs.trim(product) : null)));
	}

	@PostMapping("/services/financing/{id:\\d+}/repayment")
	@RouteAccess(permission = "service:financing:edit", scope = AccessScope.ENTERPRISE)
	String repay(@PathVariable long id, @RequestParam(required = false) String on, RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/financing", redirect,
				() -> this.activities.repay(id, new ServiceCommands.Repayment(on)));
	}

	@GetMapping("/services/job-fairs")
	@RouteAccess(permission = "service:fair:read", scope = AccessScope.ZONE)
	String fairs(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.pages.zone();
		Page<JobFairView> result = (zone != null)
				? this.activities.jobFairs(zone, null, null, Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		paging(model, result, page);
		model.addAttribute("kinds", Kinds.FairKind.values());
		return "service/fairs";
	}

	@PostMapping("/services/job-fairs")
	@RouteAccess(permission = "service:fair:edit", scope = AccessScope.ZONE)
	String recordFair(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title,
			@RequestParam(required = false) List<String> enterpriseCreditCodes,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String hires,
			RedirectAttributes redirect) {
		return this.pages
			.act("redirect:/services/job-fairs", redirect,
					() -> this.activities.recordJobFair(new ServiceCommands.RecordJobFair(this.pages.zone(), date, kind,
							title, enterpriseCreditCodes, ServicePages.whole(visitors, "visitors"),
							ServicePages.whole(hires, "hires"))));
	}

	@GetMapping("/services/statistics")
	@RouteAccess(permission = "service:statistics:read", scope = AccessScope.ZONE)
	String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		String zone = this.pages.zone();
		LocalDate today = Scopes.today();
		LocalDate f = (from != null) ? from : today.withDayOfYear(1);
		LocalDate t = (to != null && !to.isBefore(f)) ? to : today;
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		if (zone != null) {
			model.addAttribute("s", this.statistics.summary(zone, f, t));
			model.addAttribute("lowRatings", this.statistics.lowRatings(zone, f, t));
			model.addAttribute("bridgeOverdue", this.statistics.bridgeLoansDue(zone, today.minusDays(1)));
		}
		return "service/statistics";
	}

}

package io.parkops.service.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.parkops.platform.AccessScope;
import io.parkops.platform.Inputs;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.excel.ExcelRows;
import io.parkops.service.internal.ActivityService;
import io.parkops.service.internal.AgencyService;
import io.parkops.service.internal.PolicyService;
import io.parkops.service.internal.ServiceViews.AgencyView;
import io.parkops.service.internal.ServiceViews.ApplicationView;
import io.parkops.service.internal.ServiceViews.FinancingView;
import io.parkops.service.internal.ServiceViews.HireView;
import io.parkops.service.internal.ServiceViews.JobFairView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.VisitView;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Excel (.xlsx) downloads of the lists staff keep: visits, financing, job fairs,
 * applications, 代办 and reported hires, each with the list page's filters.
 */
@Controller
class ServiceExportController {

	private static final String XLSX = RequestPagesController.XLSX;

	private final ActivityService activities;

	private final PolicyService policies;

	private final AgencyService agency;

	private final ServicePages pages;

	ServiceExportController(ActivityService activities, PolicyService policies, AgencyService agency,
			ServicePages pages) {
		this.activities = activities;
		this.policies = policies;
		this.agency = agency;
		this.pages = pages;
	}

	@GetMapping(value = "/services/visits/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void visits(HttpServletResponse response) throws IOException {
		String zone = this.pages.zone();
		write(response, "visits", "service.visits.title",
				List.of("service.f.date", "service.f.enterprises", "service.f.enterpriseCreditCode",
						"service.f.visitors", "service.f.notes", "service.f.deeds"),
				(page) -> this.activities.visits(zone, null, null, null, page, 200),
				(VisitView v) -> Arrays.asList(v.date().toString(), String.join("、", v.enterpriseNames()),
						String.join("、", v.enterpriseCreditCodes()), String.join("、", v.visitors()), v.notes(),
						v.deeds()));
	}

	@GetMapping(value = "/services/financing/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void financing(@RequestParam(required = false) String kind, @RequestParam(required = false) String product,
			@RequestParam(required = false) Boolean open, HttpServletResponse response) throws IOException {
		String zone = this.pages.zone();
		write(response, "financing", "service.financing.title",
				List.of("service.f.enterprise", "service.f.enterpriseCreditCode", "service.f.kind", "service.f.product",
						"service.f.on", "service.f.amount", "service.f.bank", "service.f.dueOn", "service.f.repaidOn",
						"service.f.fee", "service.overdue"),
				(page) -> this.activities.financings(zone, Inputs.trim(kind), Inputs.trim(product), open, null, null,
						page, 200),
				(FinancingView f) -> Arrays.asList(f.enterpriseName(), f.enterpriseCreditCode(),
						t("service.financing." + f.kind()),
						(f.product() != null) ? t("service.product." + f.product()) : "", f.on().toString(), f.amount(),
						f.bank(), str(f.dueOn()), str(f.repaidOn()), f.fee(), f.overdue() ? t("service.overdue") : ""));
	}

	@GetMapping(value = "/services/job-fairs/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void fairs(HttpServletResponse response) throws IOException {
		String zone = this.pages.zone();
		write(response, "job-fairs", "service.fairs.title",
				List.of("service.f.date", "service.f.kind", "service.f.title", "service.f.enterprises",
						"service.f.fairVisitors", "service.f.hires"),
				(page) -> this.activities.jobFairs(zone, null, null, page, 200),
				(JobFairView j) -> Arrays.asList(j.date().toString(), t("service.fair." + j.kind()), j.title(),
						String.join("、", j.enterpriseNames()), j.visitors(), j.hires()));
	}

	@GetMapping(value = "/services/applications/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void applications(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
		String zone = this.pages.zone();
		write(response, "applications", "service.applications.title",
				List.of("service.f.policy", "service.f.enterprise", "service.f.enterpriseCreditCode",
						"service.f.appliedOn", "service.f.amount", "service.f.status", "service.f.reviewedOn",
						"service.f.approvedAmount", "service.f.publicityFrom", "service.f.publicityTo",
						"service.f.paidOn", "service.f.paidAmount", "service.policy.automatic"),
				(page) -> this.policies.applications(zone, null, Inputs.trim(status), page, 200),
				(ApplicationView a) -> Arrays.asList(a.policyTitle(), a.enterpriseName(), a.enterpriseCreditCode(),
						a.appliedOn().toString(), a.amount(), t("service.application." + a.status()),
						str(a.reviewedOn()), a.approvedAmount(), str(a.publicityFrom()), str(a.objectionUntil()),
						str(a.paidOn()), a.paidAmount(), a.automatic() ? t("service.policy.automatic") : ""));
	}

	@GetMapping(value = "/services/agency/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void agency(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		String zone = this.pages.zone();
		write(response, "agency", "service.agency.title",
				List.of("service.f.enterprise", "service.f.enterpriseCreditCode", "service.f.item",
						"service.f.department", "service.f.handler", "service.f.startedOn", "service.f.finishedOn",
						"service.f.days", "service.f.result", "service.f.requestId"),
				(page) -> this.agency.agencies(zone, open, q, null, null, page, 200),
				(AgencyView a) -> Arrays.asList(a.enterpriseName(), a.enterpriseCreditCode(), a.item(), a.department(),
						a.handler(), a.startedOn().toString(), str(a.finishedOn()), a.days(), a.result(),
						a.requestId()));
	}

	@GetMapping(value = "/services/hires/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void hires(HttpServletResponse response) throws IOException {
		String zone = this.pages.zone();
		write(response, "hires", "service.hires.title",
				List.of("service.f.enterprise", "service.f.enterpriseCreditCode", "service.f.month", "service.f.hires",
						"service.f.fair", "service.f.notes"),
				(page) -> this.agency.hires(zone, null, null, page, 200),
				(HireView h) -> Arrays.asList(h.enterpriseName(), h.enterpriseCreditCode(), h.month(), h.hires(),
						h.fairTitle(), h.notes()));
	}

	private <T> void write(HttpServletResponse response, String file, String title, List<String> headers,
			IntFunction<Page<T>> fetch, Function<T, List<?>> row) throws IOException {
		List<List<?>> rows = new ArrayList<>();
		if (this.pages.zone() != null) {
			for (int page = 0; page < 500; page++) {
				Page<T> chunk = fetch.apply(page);
				chunk.items().forEach((item) -> rows.add(row.apply(item)));
				if (chunk.items().size() < 200) {
					break;
				}
			}
		}
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"");
		ExcelRows.write(response.getOutputStream(), t(title),
				Stream.of(headers.toArray(String[]::new)).map(this::t).toList(), rows);
	}

	private String t(String key) {
		return this.pages.text(key, key);
	}

	private static String str(Object o) {
		return (o != null) ? o.toString() : "";
	}

}

package io.parkops.service.web;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.RouteAccess;
import io.parkops.service.internal.ActivityService;
import io.parkops.service.internal.Kinds;
import io.parkops.service.internal.RequestService;
import io.parkops.service.internal.Scopes;
import io.parkops.service.internal.ServiceCommands;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.RequestView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of requests (诉求): the staff list (企业诉求) and the enterprise's own (我的诉求), the
 * forms to raise one, and each request's page with its history and the next steps the
 * user may take (交办, 办结; for the enterprise 评价 and 撤回).
 */
@Controller
class RequestPagesController {

	private final RequestService requests;

	private final ServicePages pages;

	private final ActivityService visits;

	RequestPagesController(RequestService requests, ServicePages pages, ActivityService visits) {
		this.requests = requests;
		this.pages = pages;
		this.visits = visits;
	}

	@GetMapping("/services/requests")
	@RouteAccess(permission = "service:request:read", scope = AccessScope.ENTERPRISE)
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long visit, Model model) {
		CurrentUser me = CurrentUser.get();
		String zone = this.pages.zone();
		if (visit != null && !me.isEnterpriseUser()) {
			// 记录现场诉求: the form names the visit, its date and enterprises
			model.addAttribute("visit", this.visits.visit(visit));
		}
		String st = Inputs.trim(status);
		Page<RequestView> result = (zone != null || me.isEnterpriseUser()) ? this.requests.list(zone, st,
				Inputs.trim(category), null, overdue, Inputs.trim(q), null, null, Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("totalCapped", result.totalCapped());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", ServicePages.pages(result.total()));
		model.addAttribute("status", st);
		model.addAttribute("category", Inputs.trim(category));
		model.addAttribute("overdue", overdue);
		model.addAttribute("q", Inputs.trim(q));
		model.addAttribute("statuses", Kinds.RequestStatus.values());
		model.addAttribute("categories", Kinds.Category.values());
		model.addAttribute("channels", Kinds.Channel.values());
		model.addAttribute("mine", me.isEnterpriseUser());
		model.addAttribute("today", Scopes.today());
		return "service/requests";
	}

	@GetMapping(value = "/services/requests/export", produces = XLSX)
	@RouteAccess(permission = "service:data:export", scope = AccessScope.ZONE)
	void export(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		String zone = this.pages.zone();
		List<List<?>> rows = new java.util.ArrayList<>();
		for (int page = 0; page < 500; page++) {
			Page<RequestView> chunk = this.requests.list(zone, Inputs.trim(status), Inputs.trim(category), null,
					overdue, Inputs.trim(q), null, null, page, 200);
			for (RequestView r : chunk.items()) {
				rows.add(java.util.Arrays.asList(r.id(), r.enterpriseName(), r.enterpriseCreditCode(),
						t("service.channel." + r.channel()), t("service.category." + r.category()), r.title(),
						str(r.raisedOn()), str(r.deadline()), t("service.status." + r.status()),
						r.overdue() ? t("service.overdue") : "",
						(r.level() != null) ? t("service.level." + r.level()) : "", r.department(), r.handler(),
						str(r.resolvedOn()), r.result(), r.satisfaction(), r.reopened()));
			}
			if (chunk.items().size() < 200) {
				break;
			}
		}
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"requests.xlsx\"");
		io.parkops.platform.excel.ExcelRows.write(response.getOutputStream(), t("service.requests.title"),
				java.util.stream.Stream
					.of("service.f.id", "service.f.enterprise", "service.f.enterpriseCreditCode", "service.f.channel",
							"service.f.category", "service.f.title", "service.f.raisedOn", "service.f.deadline",
							"service.f.status", "service.overdue", "service.f.level", "service.f.department",
							"service.f.handler", "service.f.resolvedOn", "service.f.result", "service.f.satisfaction",
							"service.f.reopened")
					.map(this::t)
					.toList(),
				rows);
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private String t(String key) {
		return this.pages.text(key, key);
	}

	private static String str(Object o) {
		return (o != null) ? o.toString() : "";
	}

	@PostMapping("/services/requests")
	@RouteAccess(permission = "service:request:raise", scope = AccessScope.ENTERPRISE)
	String raise(@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) String raisedOn, @RequestParam(required = false) Long visitId,
			RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/requests", redirect,
				() -> this.requests.raise(new ServiceCommands.RaiseRequest(enterpriseCreditCode, channel, category,
						title, content, raisedOn, visitId)));
	}

	@GetMapping("/services/requests/{id:\\d+}")
	@RouteAccess(permission = "service:request:read", scope = AccessScope.ENTERPRISE)
	String request(@PathVariable long id, Model model) {
		RequestView r = this.requests.require(id);
		CurrentUser me = CurrentUser.get();
		model.addAttribute("r", r);
		model.addAttribute("steps", this.requests.steps(id));
		model.addAttribute("flow", List.of(Kinds.RequestStatus.SUBMITTED, Kinds.RequestStatus.IN_PROGRESS,
				Kinds.RequestStatus.RESOLVED, Kinds.RequestStatus.RATED));
		model.addAttribute("current", Kinds.RequestStatus.valueOf(r.status()));
		model.addAttribute("levels", Kinds.Level.values());
		model.addAttribute("own", me.isEnterpriseUser() && me.enterpriseCreditCode().equals(r.enterpriseCreditCode()));
		model.addAttribute("today", Scopes.today());
		return "service/request";
	}

	@PostMapping("/services/requests/{id:\\d+}/{step:handling|resolution|rating|withdrawal}")
	@RouteAccess(permission = { "service:request:handle", "service:request:rate", "service:request:withdraw" },
			scope = AccessScope.ENTERPRISE)
	String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String on,
			@RequestParam(required = false) String department, @RequestParam(required = false) String handler,
			@RequestParam(required = false) String level, @RequestParam(required = false) String result,
			@RequestParam(required = false) String satisfaction, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		return this.pages.act("redirect:/services/requests/" + id, redirect, () -> switch (step) {
			case "handling" -> {
				require(me, "service:request:handle");
				yield this.requests.handle(id, new ServiceCommands.Handling(on, department, handler, level));
			}
			case "resolution" -> {
				require(me, "service:request:handle");
				yield this.requests.resolve(id, new ServiceCommands.Resolution(on, result));
			}
			case "rating" -> {
				require(me, "service:request:rate");
				yield this.requests.rate(id,
						new ServiceCommands.Rating(ServicePages.whole(satisfaction, "satisfaction"), comment));
			}
			case "withdrawal" -> {
				require(me, "service:request:withdraw");
				yield this.requests.withdraw(id, new ServiceCommands.Withdrawal(on, comment));
			}
			default -> throw new NotFoundException("error.pageNotFound");
		});
	}

	private static void require(CurrentUser me, String permission) {
		if (!me.has(permission)) {
			throw new io.parkops.platform.ForbiddenException("error.forbidden");
		}
	}

	static LocalDate today() {
		return Scopes.today();
	}

}

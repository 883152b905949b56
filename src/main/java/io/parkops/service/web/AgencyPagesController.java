package io.parkops.service.web;

import java.util.List;

import io.parkops.platform.AccessScope;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.parkops.service.internal.ActivityService;
import io.parkops.service.internal.AgencyService;
import io.parkops.service.internal.Kinds;
import io.parkops.service.internal.Scopes;
import io.parkops.service.internal.ServiceCommands;
import io.parkops.service.internal.ServiceViews.AgencyView;
import io.parkops.service.internal.ServiceViews.FinancingView;
import io.parkops.service.internal.ServiceViews.HireView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.PeopleView;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 代办 (approvals handled on an enterprise's behalf), the hires enterprises
 * report, each enterprise's service people, and the edit forms of records staff correct
 * (financing, 代办, hires, 首席服务员): each carries the version read, and a stale one renders
 * the form again with what was typed and a 409.
 */
@Controller
class AgencyPagesController {

	private final AgencyService agency;

	private final ActivityService activities;

	private final ServicePages pages;

	AgencyPagesController(AgencyService agency, ActivityService activities, ServicePages pages) {
		this.agency = agency;
		this.activities = activities;
		this.pages = pages;
	}

	private void paging(Model model, Page<?> result, int page) {
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", ServicePages.pages(result.total()));
		model.addAttribute("today", Scopes.today());
		model.addAttribute("mine", CurrentUser.get().isEnterpriseUser());
	}

	/**
	 * Runs a versioned save; a stale version renders {@code again} (409) with the typed
	 * values, any other refusal goes back to {@code target} with the problems named.
	 */
	private String versioned(Model model, HttpServletResponse response, String target, RedirectAttributes redirect,
			java.util.function.Supplier<String> again, java.util.function.Supplier<Object> action) {
		try {
			action.get();
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				return this.pages.act(target, redirect, () -> {
					throw ex;
				});
			}
			Versions.showStale(model, response);
			return again.get();
		}
		catch (RuntimeException ex) {
			return this.pages.act(target, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return target;
	}

	// ---- 代办

	@GetMapping("/services/agency")
	@RouteAccess(permission = "service:agency:read", scope = AccessScope.ENTERPRISE)
	String agencies(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.pages.zone();
		Page<AgencyView> result = (zone != null || CurrentUser.get().isEnterpriseUser())
				? this.agency.agencies(zone, open, q, null, null, Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		paging(model, result, page);
		model.addAttribute("open", open);
		model.addAttribute("q", Inputs.trim(q));
		return "service/agency";
	}

	@PostMapping("/services/agency")
	@RouteAccess(permission = "service:agency:edit", scope = AccessScope.ZONE)
	String recordAgency(@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String item, @RequestParam(required = false) String department,
			@RequestParam(required = false) String handler, @RequestParam(required = false) String startedOn,
			@RequestParam(required = false) String requestId, RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/agency", redirect,
				() -> this.agency.recordAgency(new ServiceCommands.RecordAgency(enterpriseCreditCode, item, department,
						handler, startedOn, longOf(requestId, "requestId"))));
	}

	@GetMapping("/services/agency/{id:\\d+}")
	@RouteAccess(permission = "service:agency:read", scope = AccessScope.ENTERPRISE)
	String agencyItem(@PathVariable long id, Model model) {
		AgencyView a = this.agency.agency(id);
		model.addAttribute("a", a);
		model.addAttribute("form", new ServiceCommands.EditAgency(a.item(), a.department(), a.handler(),
				a.startedOn().toString(), a.version()));
		model.addAttribute("today", Scopes.today());
		return "service/agency-item";
	}

	@PostMapping("/services/agency/{id:\\d+}")
	@RouteAccess(permission = "service:agency:edit", scope = AccessScope.ZONE)
	String editAgency(@PathVariable long id, @RequestParam(required = false) String item,
			@RequestParam(required = false) String department, @RequestParam(required = false) String handler,
			@RequestParam(required = false) String startedOn, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ServiceCommands.EditAgency form = new ServiceCommands.EditAgency(item, department, handler, startedOn, version);
		return versioned(model, response, "redirect:/services/agency/" + id, redirect, () -> {
			model.addAttribute("a", this.agency.agency(id));
			model.addAttribute("form", form);
			model.addAttribute("today", Scopes.today());
			return "service/agency-item";
		}, () -> this.agency.editAgency(id, form));
	}

	@PostMapping("/services/agency/{id:\\d+}/finish")
	@RouteAccess(permission = "service:agency:edit", scope = AccessScope.ZONE)
	String finishAgency(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String result, RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/agency/" + id, redirect,
				() -> this.agency.finishAgency(id, new ServiceCommands.FinishAgency(on, result)));
	}

	// ---- reported hires

	@GetMapping("/services/hires")
	@RouteAccess(permission = "service:hire:read", scope = AccessScope.ENTERPRISE)
	String hires(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.pages.zone();
		Page<HireView> result = (zone != null || CurrentUser.get().isEnterpriseUser())
				? this.agency.hires(zone, null, null, Math.max(page, 0), ServicePages.SIZE) : new Page<>(List.of(), 0);
		paging(model, result, page);
		model.addAttribute("thisMonth", java.time.YearMonth.from(Scopes.today()).toString());
		if (zone != null) {
			model.addAttribute("fairs", this.activities.jobFairs(zone, null, null, 0, 50).items());
		}
		return "service/hires";
	}

	@PostMapping("/services/hires")
	@RouteAccess(permission = "service:hire:report", scope = AccessScope.ENTERPRISE)
	String reportHires(@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String month, @RequestParam(required = false) String hires,
			@RequestParam(required = false) String fairId, @RequestParam(required = false) String notes,
			RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/hires", redirect,
				() -> this.agency.reportHires(new ServiceCommands.ReportHires(enterpriseCreditCode, month,
						ServicePages.whole(hires, "hires"), longOf(fairId, "fairId"), notes)));
	}

	@GetMapping("/services/hires/{id:\\d+}")
	@RouteAccess(permission = "service:hire:read", scope = AccessScope.ENTERPRISE)
	String hire(@PathVariable long id, Model model) {
		HireView h = this.agency.hire(id);
		model.addAttribute("h", h);
		model.addAttribute("form", new ServiceCommands.EditHires(h.hires(), h.notes(), h.version()));
		return "service/hire";
	}

	@PostMapping("/services/hires/{id:\\d+}")
	@RouteAccess(permission = "service:hire:report", scope = AccessScope.ENTERPRISE)
	String editHires(@PathVariable long id, @RequestParam(required = false) String hires,
			@RequestParam(required = false) String notes, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return versioned(model, response, "redirect:/services/hires/" + id, redirect, () -> {
			model.addAttribute("h", this.agency.hire(id));
			model.addAttribute("form", new ServiceCommands.EditHires(wholeOrNull(hires), notes, version));
			return "service/hire";
		}, () -> this.agency.editHires(id,
				new ServiceCommands.EditHires(ServicePages.whole(hires, "hires"), notes, version)));
	}

	// ---- service people

	@GetMapping("/services/people")
	@RouteAccess(permission = "service:people:read", scope = AccessScope.ZONE)
	String people(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean missing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.pages.zone();
		Page<PeopleView> result = (zone != null)
				? this.agency.people(zone, q, missing, Math.max(page, 0), ServicePages.SIZE) : new Page<>(List.of(), 0);
		paging(model, result, page);
		model.addAttribute("q", Inputs.trim(q));
		model.addAttribute("missing", missing);
		if (zone != null) {
			model.addAttribute("chiefs", this.agency.chiefServers(zone));
		}
		return "service/people";
	}

	@GetMapping("/services/people/{creditCode}")
	@RouteAccess(permission = "service:people:read", scope = AccessScope.ZONE)
	String person(@PathVariable String creditCode, Model model) {
		PeopleView p = this.agency.peopleOf(creditCode);
		model.addAttribute("p", p);
		model.addAttribute("form", new ServiceCommands.AssignPeople(p.chiefServer(), p.chiefPhone(), p.version()));
		return "service/person";
	}

	@PostMapping("/services/people/{creditCode}")
	@RouteAccess(permission = "service:people:edit", scope = AccessScope.ZONE)
	String assign(@PathVariable String creditCode, @RequestParam(required = false) String chiefServer,
			@RequestParam(required = false) String chiefPhone, @RequestParam(required = false) Long version,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ServiceCommands.AssignPeople form = new ServiceCommands.AssignPeople(chiefServer, chiefPhone, version);
		PeopleView p = this.agency.peopleOf(creditCode);
		return versioned(model, response, "redirect:/services/people/" + p.creditCode(), redirect, () -> {
			model.addAttribute("p", this.agency.peopleOf(creditCode));
			model.addAttribute("form", form);
			return "service/person";
		}, () -> this.agency.assign(creditCode, form));
	}

	// ---- financing edit

	@GetMapping("/services/financing/{id:\\d+}")
	@RouteAccess(permission = "service:financing:read", scope = AccessScope.ENTERPRISE)
	String financingItem(@PathVariable long id, Model model) {
		FinancingView f = this.activities.financing(id);
		model.addAttribute("f", f);
		model.addAttribute("form", new ServiceCommands.EditFinancing(f.amount(), f.bank(),
				(f.dueOn() != null) ? f.dueOn().toString() : null, f.fee(), f.version(), f.product()));
		model.addAttribute("products", Kinds.LoanProduct.values());
		model.addAttribute("mine", CurrentUser.get().isEnterpriseUser());
		return "service/financing-item";
	}

	@PostMapping("/services/financing/{id:\\d+}")
	@RouteAccess(permission = "service:financing:edit", scope = AccessScope.ZONE)
	String editFinancing(@PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String bank, @RequestParam(required = false) String dueOn,
			@RequestParam(required = false) String fee, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String product, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return versioned(model, response, "redirect:/services/financing/" + id, redirect, () -> {
			model.addAttribute("f", this.activities.financing(id));
			model.addAttribute("form", new ServiceCommands.EditFinancing(decimalOrNull(amount), bank, dueOn,
					decimalOrNull(fee), version, product));
			model.addAttribute("products", Kinds.LoanProduct.values());
			model.addAttribute("mine", false);
			return "service/financing-item";
		}, () -> this.activities.editFinancing(id,
				new ServiceCommands.EditFinancing(ServicePages.decimal(amount, "amount"), bank, dueOn,
						ServicePages.decimal(fee, "fee"), version, Inputs.trim(product))));
	}

	static Long longOf(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw io.parkops.platform.InvalidInputException.of(field, "error.badValue");
		}
	}

	private static Integer wholeOrNull(String text) {
		try {
			return ServicePages.whole(text, "hires");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static java.math.BigDecimal decimalOrNull(String text) {
		try {
			return ServicePages.decimal(text, "amount");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

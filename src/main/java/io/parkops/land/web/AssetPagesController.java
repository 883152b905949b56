package io.parkops.land.web;

import java.time.LocalDate;
import java.util.List;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.land.internal.AssetService;
import io.parkops.land.internal.AssetViews.BillPage;
import io.parkops.land.internal.AssetViews.LeaseView;
import io.parkops.land.internal.Kinds;
import io.parkops.land.internal.LandCommands;
import io.parkops.land.internal.RentBills;
import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.RouteAccess;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the platform company's assets (资产运营): units and leases with what each owes and
 * for how long, a lease's bills, payments and litigation; a tenant sees its own.
 */
@Controller
class AssetPagesController {

	private static final int PAGE_SIZE = 30;

	private final AssetService assets;

	private final EnterpriseRegistry enterprises;

	private final LandPageSupport support;

	private final RentBills bills;

	AssetPagesController(AssetService assets, EnterpriseRegistry enterprises, LandPageSupport support,
			RentBills bills) {
		this.assets = assets;
		this.bills = bills;
		this.enterprises = enterprises;
		this.support = support;
	}

	/** The zone the page's forms write to (sent back as their zoneCode). */
	@org.springframework.web.bind.annotation.ModelAttribute("formZone")
	String formZone() {
		return this.support.zone();
	}

	@GetMapping("/assets/leases")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	String leases(@RequestParam(required = false) String filter, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String zone = this.support.zone();
		boolean tenant = CurrentUser.get().isEnterpriseUser();
		List<LeaseView> all = (zone != null || tenant) ? this.assets.leases(zone, null) : List.of();
		LocalDate today = LocalDate.now(io.parkops.platform.ZoneTime.zone());
		List<LeaseView> shown = switch ((filter != null) ? filter : "") {
			case "arrears" -> all.stream().filter((l) -> l.arrears().signum() > 0).toList();
			case "over90" -> all.stream().filter((l) -> l.buckets().d90plus().signum() > 0).toList();
			case "expiring" -> all.stream().filter((l) -> this.assets.expiring(l, today)).toList();
			case "active" -> all.stream().filter((l) -> !l.from().isAfter(today) && !l.to().isBefore(today)).toList();
			default -> all;
		};
		int p = Math.max(page, 0);
		model.addAttribute("items", shown.stream().skip((long) p * PAGE_SIZE).limit(PAGE_SIZE).toList());
		model.addAttribute("total", shown.size());
		model.addAttribute("page", p);
		model.addAttribute("pages", LandPageSupport.pages(shown.size(), PAGE_SIZE));
		model.addAttribute("filter", filter);
		if (!tenant && zone != null) {
			model.addAttribute("summary", this.assets.summary(zone, today.withDayOfYear(1), today));
			model.addAttribute("units", this.assets.units(zone));
			model.addAttribute("zoneEnterprises", this.enterprises.ofZone(zone));
		}
		model.addAttribute("unitKinds", Kinds.UnitKind.values());
		model.addAttribute("today", today);
		return "land/leases";
	}

	@PostMapping("/assets/units")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	String registerUnit(@RequestParam(required = false) String zoneCode,
			@RequestParam(required = false) String building, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String areaM2,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/assets/leases", redirect,
				() -> this.assets.registerUnit(new LandCommands.RegisterUnit(this.support.zone(zoneCode), building,
						unit, kind, LandPageSupport.decimal(areaM2, "areaM2"))));
	}

	@PostMapping("/assets/leases")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	String signLease(@RequestParam(required = false) String unitId,
			@RequestParam(required = false) String tenantCreditCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String rentPerM2Month,
			@RequestParam(required = false) String deposit, RedirectAttributes redirect) {
		return this.support.act("redirect:/assets/leases", redirect,
				() -> this.assets.signLease(new LandCommands.SignLease(
						(unitId != null && unitId.matches("\\d{1,18}")) ? Long.valueOf(unitId) : null, tenantCreditCode,
						from, to, LandPageSupport.decimal(rentPerM2Month, "rentPerM2Month"),
						LandPageSupport.decimal(deposit, "deposit"))));
	}

	@GetMapping("/assets/leases/{id:\\d+}")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	String lease(@PathVariable long id, Model model) {
		model.addAttribute("lease", this.assets.lease(id));
		model.addAttribute("bills", this.assets.bills(id));
		model.addAttribute("payments", this.assets.payments(id));
		model.addAttribute("today", LocalDate.now(io.parkops.platform.ZoneTime.zone()));
		return "land/lease";
	}

	@PostMapping("/assets/leases/{id:\\d+}/payments")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	String recordPayment(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String amount, RedirectAttributes redirect) {
		return this.support.act("redirect:/assets/leases/" + id, redirect, () -> this.assets.recordPayment(
				new LandCommands.RecordPayment(id, null, on, LandPageSupport.decimal(amount, "amount"), null)));
	}

	// ---- bills

	@GetMapping("/assets/bills")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	String bills(@RequestParam(required = false) String status, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String periodFrom, @RequestParam(required = false) String periodTo,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.support.zone();
		boolean isTenant = CurrentUser.get().isEnterpriseUser();
		int p = Math.max(page, 0);
		if (zone != null || isTenant) {
			try {
				BillPage result = this.bills.search(zone, status, tenant, periodFrom, periodTo, q, p, PAGE_SIZE);
				model.addAttribute("result", result);
				model.addAttribute("pages", LandPageSupport.pages(result.total(), PAGE_SIZE));
				model.addAttribute("total", result.total());
			}
			catch (InvalidInputException ex) {
				// a filter typed wrong: the page says so and lists nothing
				model.addAttribute("problemTexts", List.of(this.support.text("land.bills.badFilter")));
			}
		}
		if (!isTenant && zone != null) {
			model.addAttribute("zoneEnterprises", this.enterprises.ofZone(zone));
		}
		model.addAttribute("statuses", RentBills.Status.values());
		model.addAttribute("page", p);
		model.addAttribute("status", status);
		model.addAttribute("tenant", tenant);
		model.addAttribute("periodFrom", periodFrom);
		model.addAttribute("periodTo", periodTo);
		model.addAttribute("q", q);
		return "land/bills";
	}

	@GetMapping("/assets/bills/{id:\\d+}")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	String bill(@PathVariable long id, Model model) {
		model.addAttribute("bill", this.bills.bill(id));
		model.addAttribute("payments", this.bills.payments(id));
		model.addAttribute("today", LocalDate.now(io.parkops.platform.ZoneTime.zone()));
		return "land/bill";
	}

	@PostMapping("/assets/bills/{id:\\d+}/payments")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	String payBill(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return this.support.versioned(model, response, "redirect:/assets/bills/" + id, redirect, () -> {
			bill(id, model);
			model.addAttribute("typedOn", on);
			model.addAttribute("typedAmount", amount);
			return "land/bill";
		}, () -> this.assets.recordPayment(new LandCommands.RecordPayment(null, id, on,
				LandPageSupport.decimal(amount, "amount"), LandPageSupport.version(version))));
	}

	@PostMapping("/assets/leases/{id:\\d+}/termination")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	String terminate(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return this.support.act("redirect:/assets/leases/" + id, redirect,
				() -> this.assets.terminate(id, new LandCommands.TerminateLease(on, reason)));
	}

	@PostMapping("/assets/leases/{id:\\d+}/litigation")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	String recordLitigation(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return this.support.act("redirect:/assets/leases/" + id, redirect,
				() -> this.assets.recordLitigation(id, new LandCommands.RecordLitigation(on, note)));
	}

}

package io.parkops.service.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.RouteAccess;
import io.parkops.service.internal.Kinds;
import io.parkops.service.internal.PolicyService;
import io.parkops.service.internal.Scopes;
import io.parkops.service.internal.ServiceCommands;
import io.parkops.service.internal.ServiceCommands.Criterion;
import io.parkops.service.internal.ServiceViews.ApplicationView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.PolicyView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of policies (惠企政策): the library with its form, each policy with the enterprises
 * that qualify (政策找企业, each criterion met or missed with its figure), its applications
 * and the 免申即享 list; for an enterprise the policies it may apply for and why (可申报政策), and
 * its applications (我的申报).
 */
@Controller
class PolicyPagesController {

	private final PolicyService policies;

	private final ServicePages pages;

	PolicyPagesController(PolicyService policies, ServicePages pages) {
		this.policies = policies;
		this.pages = pages;
	}

	@GetMapping("/services/policies")
	@RouteAccess(permission = "service:policy:read", scope = AccessScope.ENTERPRISE)
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("today", Scopes.today());
		if (me.isEnterpriseUser()) {
			model.addAttribute("eligible", this.policies.eligibleFor(me.enterpriseCreditCode()));
			return "service/eligible";
		}
		String zone = this.pages.zone();
		Page<PolicyView> result = (zone != null)
				? this.policies.policies(zone, Inputs.trim(q), Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", ServicePages.pages(result.total()));
		model.addAttribute("q", Inputs.trim(q));
		model.addAttribute("flags", io.parkops.enterprise.EnterpriseFlag.values());
		model.addAttribute("indicators", Kinds.Indicator.values());
		model.addAttribute("levels", Kinds.IssuerLevel.values());
		model.addAttribute("measures", Kinds.ServiceMeasure.values());
		model.addAttribute("perMuClasses", List.of("A", "B", "C", "D"));
		return "service/policies";
	}

	@PostMapping("/services/policies")
	@RouteAccess(permission = "service:policy:edit", scope = AccessScope.ZONE)
	String create(@RequestParam Map<String, String> form,
			@RequestParam(name = "perMuClass", required = false) List<String> perMuClasses,
			RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/policies", redirect, () -> {
			List<Criterion> criteria = new ArrayList<>();
			if ("true".equals(form.get("aboveScale"))) {
				criteria.add(new Criterion("ABOVE_SCALE", null, null, null, null, null, null, null));
			}
			if (Inputs.trim(form.get("flag")) != null) {
				criteria.add(new Criterion("FLAG", form.get("flag"), null, null, null, null, null, null));
			}
			if (Inputs.trim(form.get("industries")) != null) {
				criteria.add(new Criterion("INDUSTRY", null, ServicePages.split(form.get("industries")), null, null,
						null, null, null));
			}
			Integer year = ServicePages.whole(form.get("year"), "year");
			if (Inputs.trim(form.get("growthPct")) != null) {
				criteria.add(new Criterion("INDICATOR_GROWTH", null, null, form.get("growthIndicator"),
						ServicePages.decimal(form.get("growthPct"), "growthPct"), null, year, null));
			}
			if (Inputs.trim(form.get("minAmount")) != null) {
				criteria.add(new Criterion("INDICATOR_AMOUNT", null, null, form.get("amountIndicator"), null,
						ServicePages.decimal(form.get("minAmount"), "minAmount"), year, null));
			}
			if (Inputs.trim(form.get("serviceMeasure")) != null) {
				criteria.add(new Criterion("SERVICE", null, null, null, null,
						ServicePages.decimal(form.get("serviceMin"), "serviceMin"), year, null,
						form.get("serviceMeasure")));
			}
			if (perMuClasses != null && !perMuClasses.isEmpty()) {
				criteria.add(new Criterion("LAND", null, null, null, null, null, null, null,
						Kinds.LandMeasure.PER_MU_CLASS.name(), perMuClasses));
			}
			if (Inputs.trim(form.get("landMin")) != null) {
				criteria.add(new Criterion("LAND", null, null, null, null,
						ServicePages.decimal(form.get("landMin"), "landMin"), null, null,
						Kinds.LandMeasure.LAND_AREA.name(), null));
			}
			for (String line : Inputs.orEmpty(form.get("manual")).split("\\R")) {
				if (!line.isBlank()) {
					criteria.add(new Criterion("MANUAL", null, null, null, null, null, null, line.trim()));
				}
			}
			return this.policies
				.create(new ServiceCommands.CreatePolicy(this.pages.zone(), form.get("title"), form.get("issuer"),
						Inputs.trim(form.get("issuerLevel")), form.get("documentNumber"), form.get("validFrom"),
						form.get("validTo"), new ServiceCommands.Window(form.get("windowFrom"), form.get("windowTo")),
						form.get("amountRule"), criteria));
		});
	}

	@GetMapping("/services/policies/{id:\\d+}")
	@RouteAccess(permission = "service:policy:read", scope = AccessScope.ENTERPRISE)
	String policy(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all, Model model) {
		PolicyView p = this.policies.policy(id);
		CurrentUser me = CurrentUser.get();
		model.addAttribute("p", p);
		model.addAttribute("today", Scopes.today());
		if (me.isEnterpriseUser()) {
			model.addAttribute("mine",
					this.policies.eligibleFor(me.enterpriseCreditCode())
						.stream()
						.filter((e) -> e.policy().id() == id)
						.findFirst()
						.orElse(null));
			model.addAttribute("applications", this.policies.applications(null, id, null, 0, 50).items());
			return "service/policy";
		}
		var matches = me.has("service:policy:match") ? this.policies.matches(id)
				: List.<io.parkops.service.internal.ServiceViews.MatchView>of();
		long qualifying = matches.stream().filter((m) -> m.qualifies()).count();
		model.addAttribute("qualifying", qualifying);
		model.addAttribute("matchCount", matches.size());
		model.addAttribute("matches", all ? matches : matches.stream().limit(Math.max(qualifying, 20)).toList());
		model.addAttribute("all", all);
		model.addAttribute("applications", this.policies.applications(p.zoneCode(), id, null, 0, 200).items());
		if (me.has("service:application:review")) {
			model.addAttribute("auto", this.policies.autoList(id));
		}
		return "service/policy";
	}

	@PostMapping("/services/policies/{id:\\d+}/applications")
	@RouteAccess(permission = "service:application:apply", scope = AccessScope.ENTERPRISE)
	String apply(@PathVariable long id, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String appliedOn,
			RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/policies/" + id, redirect, () -> this.policies.apply(id,
				new ServiceCommands.Apply(enterpriseCreditCode, ServicePages.decimal(amount, "amount"), appliedOn)));
	}

	@PostMapping("/services/policies/{id:\\d+}/auto-list/approval")
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ZONE)
	String approveAuto(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String amount, RedirectAttributes redirect) {
		return this.pages.act("redirect:/services/policies/" + id, redirect, () -> this.policies.approveAutoList(id,
				new ServiceCommands.AutoPayout(on, ServicePages.decimal(amount, "amount"))));
	}

	@PostMapping("/services/applications/{id:\\d+}/{step:review|payment|publicity}")
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ENTERPRISE)
	String applicationStep(@PathVariable long id, @PathVariable String step,
			@RequestParam(required = false) String approved, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String on, @RequestParam(required = false) String to,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		ApplicationView a = this.policies.application(id);
		if ("publicity".equals(step)) {
			return this.pages.act(
					"redirect:"
							+ ("list".equals(back) ? "/services/applications" : "/services/policies/" + a.policyId()),
					redirect, () -> this.policies.publicize(null, id, new ServiceCommands.Publicity(on, to)));
		}
		String target = "redirect:"
				+ ("list".equals(back) ? "/services/applications" : "/services/policies/" + a.policyId());
		return this.pages.act(target, redirect, () -> "review".equals(step)
				? this.policies.review(null, id,
						new ServiceCommands.Review((approved != null) ? Boolean.valueOf(approved) : null,
								ServicePages.decimal(amount, "amount"), on))
				: this.policies.pay(null, id, new ServiceCommands.Payment(on, ServicePages.decimal(amount, "amount"))));
	}

	@GetMapping("/services/applications")
	@RouteAccess(permission = "service:application:read", scope = AccessScope.ENTERPRISE)
	String applications(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = CurrentUser.get();
		String zone = this.pages.zone();
		Page<ApplicationView> result = (zone != null || me.isEnterpriseUser())
				? this.policies.applications(zone, null, Inputs.trim(status), Math.max(page, 0), ServicePages.SIZE)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", ServicePages.pages(result.total()));
		model.addAttribute("status", Inputs.trim(status));
		model.addAttribute("statuses", Kinds.ApplicationStatus.values());
		model.addAttribute("mine", me.isEnterpriseUser());
		model.addAttribute("today", Scopes.today());
		Map<String, Object> none = new LinkedHashMap<>();
		model.addAttribute("none", none);
		return "service/applications";
	}

}

package io.parkops.land.web;

import java.util.List;

import io.parkops.land.internal.LandCommands;
import io.parkops.land.internal.PerMuService;
import io.parkops.land.internal.PerMuViews.EvaluationView;
import io.parkops.land.internal.PerMuViews.ResultView;
import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.RouteAccess;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the per-mu evaluation (亩均效益评价): the zone's evaluations, one evaluation's
 * ranking with its workflow and objections, and each enterprise's one-page result (the
 * enterprise sees only its own).
 */
@Controller
class PerMuPagesController {

	private final PerMuService perMu;

	private final LandPageSupport support;

	PerMuPagesController(PerMuService perMu, LandPageSupport support) {
		this.perMu = perMu;
		this.support = support;
	}

	/** The zone the page's forms write to (sent back as their zoneCode). */
	@org.springframework.web.bind.annotation.ModelAttribute("formZone")
	String formZone() {
		return this.support.zone();
	}

	@GetMapping("/land/per-mu")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	String home(Model model) {
		if (CurrentUser.get().isEnterpriseUser()) {
			model.addAttribute("mine", this.perMu.myResults());
			return "land/per-mu-mine";
		}
		String zone = this.support.zone();
		model.addAttribute("evaluations", (zone != null) ? this.perMu.evaluations(zone) : List.of());
		model.addAttribute("year", java.time.LocalDate.now(io.parkops.platform.ZoneTime.zone()).getYear() - 1);
		return "land/per-mu";
	}

	@PostMapping("/land/per-mu/evaluations")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	String evaluate(@RequestParam(required = false) String zoneCode, @RequestParam(required = false) String year,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/land/per-mu", redirect, () -> this.perMu
			.evaluate(new LandCommands.Evaluate(this.support.zone(zoneCode), LandPageSupport.whole(year, "year"))));
	}

	@GetMapping("/land/per-mu/evaluations/{id:\\d+}")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	String evaluation(@PathVariable long id, Model model) {
		EvaluationView evaluation = this.perMu.evaluation(id);
		if (CurrentUser.get().isEnterpriseUser() && !evaluation.results().isEmpty()) {
			return "redirect:/land/per-mu/evaluations/" + id + "/results/" + evaluation.results().get(0).creditCode();
		}
		model.addAttribute("evaluation", evaluation);
		model.addAttribute("objections", this.perMu.objections(id));
		return "land/evaluation";
	}

	@GetMapping("/land/per-mu/evaluations/{id:\\d+}/policies")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ZONE)
	String policies(@PathVariable long id, Model model) {
		model.addAttribute("evaluation", this.perMu.evaluation(id));
		model.addAttribute("lists", this.perMu.policyLists(id));
		return "land/policies";
	}

	@PostMapping("/land/per-mu/evaluations/{id:\\d+}/publish")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	String publish(@PathVariable long id, @RequestParam(required = false) String objectionDays,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/land/per-mu/evaluations/" + id, redirect, () -> this.perMu.publish(id,
				new LandCommands.Publish(LandPageSupport.whole(objectionDays, "objectionDays"))));
	}

	@PostMapping("/land/per-mu/evaluations/{id:\\d+}/finalize")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	String finalizeEvaluation(@PathVariable long id, RedirectAttributes redirect) {
		return this.support.act("redirect:/land/per-mu/evaluations/" + id, redirect,
				() -> this.perMu.finalizeEvaluation(id));
	}

	@GetMapping("/land/per-mu/evaluations/{id:\\d+}/results/{creditCode:[0-9A-Za-z]{18}}")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	String result(@PathVariable long id, @PathVariable String creditCode, Model model) {
		ResultView result = this.perMu.result(id, creditCode);
		EvaluationView evaluation = this.perMu.evaluation(id);
		model.addAttribute("evaluation", evaluation);
		model.addAttribute("result", result);
		// each policy once: the areas' measures, then the class's further policies
		model.addAttribute("policies", this.perMu.schemeOfEvaluation(id).otherPolicies(result.cls()));
		model.addAttribute("measures", this.perMu.measuresOf(id, result.cls()));
		model.addAttribute("objections",
				this.perMu.objections(id).stream().filter((o) -> o.creditCode().equals(result.creditCode())).toList());
		return "land/result";
	}

	@PostMapping("/land/per-mu/evaluations/{id:\\d+}/objections")
	@RouteAccess(permission = "land:permu:object", scope = AccessScope.ENTERPRISE)
	String object(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		String cc = CurrentUser.get().enterpriseCreditCode();
		String target = (cc != null) ? "redirect:/land/per-mu/evaluations/" + id + "/results/" + cc
				: "redirect:/land/per-mu";
		return this.support.act(target, redirect,
				() -> this.perMu.object(id, new LandCommands.Objection(text, evidence)));
	}

	@PostMapping("/land/per-mu/objections/{id:\\d+}/decision")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	String decide(@PathVariable long id, @RequestParam long evaluationId,
			@RequestParam(required = false) String accepted, @RequestParam(required = false) String reply,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/land/per-mu/evaluations/" + evaluationId, redirect,
				() -> this.perMu.decide(id, new LandCommands.ObjectionDecision(
						(accepted != null) ? Boolean.valueOf("true".equals(accepted)) : null, reply)));
	}

}

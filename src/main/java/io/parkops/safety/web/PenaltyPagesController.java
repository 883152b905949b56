package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.util.List;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.CurrentUser;
import io.parkops.safety.internal.CaseService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyViews.Page;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of penalty decisions (行政处罚).
 */
@Controller
class PenaltyPagesController {

	private final CaseService cases;

	private final SafetyExports exports;

	private final EnterpriseRegistry enterprises;

	private final PageSupport support;

	PenaltyPagesController(CaseService cases, SafetyExports exports, EnterpriseRegistry enterprises,
			PageSupport support) {
		this.cases = cases;
		this.exports = exports;
		this.enterprises = enterprises;
		this.support = support;
	}

	@GetMapping("/safety/penalties")
	@RouteAccess(permission = "safety:penalty:read", scope = AccessScope.ENTERPRISE)
	String penaltyList(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.support.zone();
		Page<?> result = (zone != null || CurrentUser.get().isEnterpriseUser())
				? this.cases.penalties(zone, Math.max(page, 0), 20) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", PageSupport.pages(result.total(), 20));
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("today", Inputs.today());
		return "safety/penalties";
	}

	@GetMapping("/safety/penalties/export")
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ENTERPRISE)
	void exportPenalties(HttpServletResponse response) throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "penalties.xlsx");
		this.exports.penalties(this.support.zone(), response.getOutputStream());
	}

	@PostMapping("/safety/penalties")
	@RouteAccess(permission = "safety:penalty:edit", scope = AccessScope.ENTERPRISE)
	String recordPenalty(@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String decidedOn, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String decisionNumber,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/penalties", redirect,
				() -> this.cases.recordPenalty(new SafetyCommands.RecordPenalty(enterpriseCreditCode, decidedOn,
						PageSupport.decimal(amount, "amount"), reason, decisionNumber, List.of())));
	}

}

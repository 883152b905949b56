package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.util.List;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.safety.internal.CaseService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.Kinds;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyViews.ComplaintView;
import io.parkops.safety.internal.SafetyViews.Page;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of complaints from the public (信访件) and their steps.
 */
@Controller
class ComplaintPagesController {

	private final CaseService cases;

	private final SafetyExports exports;

	private final EnterpriseRegistry enterprises;

	private final PageSupport support;

	private final io.parkops.safety.internal.SafetyProperties properties;

	ComplaintPagesController(CaseService cases, SafetyExports exports, EnterpriseRegistry enterprises,
			PageSupport support, io.parkops.safety.internal.SafetyProperties properties) {
		this.properties = properties;
		this.cases = cases;
		this.exports = exports;
		this.enterprises = enterprises;
		this.support = support;
	}

	@GetMapping("/safety/complaints")
	@RouteAccess(permission = "safety:complaint:read", scope = AccessScope.ZONE)
	String complaintList(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String zone = this.support.zone();
		Page<ComplaintView> result = (zone != null)
				? this.cases.complaints(zone, Inputs.trim(status), Math.max(page, 0), 20) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", PageSupport.pages(result.total(), 20));
		model.addAttribute("status", status);
		model.addAttribute("statuses", Kinds.ComplaintStatus.values());
		model.addAttribute("sources", this.properties.complaintSources());
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("today", Inputs.today());
		return "safety/complaints";
	}

	@GetMapping("/safety/complaints/export")
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	void exportComplaints(@RequestParam(required = false) String status, HttpServletResponse response)
			throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "complaints.xlsx");
		this.exports.complaints(this.support.zone(), Inputs.trim(status), response.getOutputStream());
	}

	@PostMapping("/safety/complaints")
	@RouteAccess(permission = "safety:complaint:edit", scope = AccessScope.ZONE)
	String receiveComplaint(@RequestParam(required = false) String receivedOn,
			@RequestParam(required = false) String source, @RequestParam(required = false) String content,
			@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String deadline, RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/complaints", redirect,
				() -> this.cases.receiveComplaint(new SafetyCommands.ReceiveComplaint(this.support.zone(), receivedOn,
						source, content, enterpriseCreditCode, deadline)));
	}

	@GetMapping("/safety/complaints/{id}")
	@RouteAccess(permission = "safety:complaint:read", scope = AccessScope.ZONE)
	String complaint(@PathVariable long id, Model model) {
		ComplaintView c = this.cases.complaint(id);
		model.addAttribute("c", c);
		model.addAttribute("flow", List.of(Kinds.ComplaintStatus.values()));
		model.addAttribute("currentStatus", Kinds.ComplaintStatus.valueOf(c.status()));
		model.addAttribute("today", Inputs.today());
		model.addAttribute("enterpriseName", (c.enterpriseCreditCode() != null)
				? this.enterprises.names(List.of(c.enterpriseCreditCode())).get(c.enterpriseCreditCode()) : null);
		model.addAttribute("patrols",
				this.cases.patrols(c.zoneCode(), c.receivedOn(), Inputs.today(), 0, 200)
					.items()
					.stream()
					.filter((p) -> p.complaintId() != null && p.complaintId() == id)
					.toList());
		return "safety/complaint";
	}

	@PostMapping("/safety/complaints/{id}/{step}")
	@RouteAccess(permission = "safety:complaint:edit", scope = AccessScope.ZONE)
	String complaintStep(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String on,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/complaints/" + id, redirect, () -> switch (step) {
			case "handling" -> this.cases.handleComplaint(id, new SafetyCommands.ComplaintStep(on, text));
			case "answer" -> this.cases.answerComplaint(id, new SafetyCommands.ComplaintStep(on, text));
			case "closure" -> this.cases.closeComplaint(id, new SafetyCommands.CloseComplaint(on, text));
			default -> throw new io.parkops.platform.NotFoundException("error.pageNotFound");
		});
	}

}

package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.safety.internal.NoticeService;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
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
 * Pages of rectification notices (整改通知书): list, export, issue and the Word document.
 */
@Controller
class NoticePagesController {

	private final NoticeService notices;

	private final SafetyExports exports;

	private final PageSupport support;

	NoticePagesController(NoticeService notices, SafetyExports exports, PageSupport support) {
		this.notices = notices;
		this.exports = exports;
		this.support = support;
	}

	@GetMapping("/safety/notices")
	@RouteAccess(permission = "safety:notice:read", scope = AccessScope.ENTERPRISE)
	String noticeList(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.support.zone();
		Page<?> result = (zone != null || CurrentUser.get().isEnterpriseUser())
				? this.notices.notices(zone, null, Math.max(page, 0), 20) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", PageSupport.pages(result.total(), 20));
		return "safety/notices";
	}

	@GetMapping("/safety/notices/export")
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ENTERPRISE)
	void exportNotices(HttpServletResponse response) throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "notices.xlsx");
		this.exports.notices(this.support.zone(), response.getOutputStream());
	}

	@PostMapping("/safety/notices")
	@RouteAccess(permission = "safety:notice:edit", scope = AccessScope.ENTERPRISE)
	String issueNotice(@RequestParam String enterpriseCreditCode, @RequestParam(required = false) List<Long> hazardIds,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String issuedOn,
			@RequestParam(required = false) String deadline, @RequestParam long from, RedirectAttributes redirect) {
		try {
			var saved = this.notices.issue(new SafetyCommands.IssueNotice(enterpriseCreditCode,
					(hazardIds != null) ? hazardIds : List.of(), kind, issuedOn, deadline));
			redirect.addFlashAttribute("notice", "safety.notice.issued");
			redirect.addFlashAttribute("issuedNumber", saved.number());
			return "redirect:/safety/notices";
		}
		catch (InvalidInputException ex) {
			this.support.flashProblems(redirect, ex);
			return "redirect:/safety/hazards/" + from;
		}
	}

	@GetMapping("/safety/notices/{id}/docx")
	@RouteAccess(permission = "safety:notice:read", scope = AccessScope.ENTERPRISE)
	void noticeDocument(@PathVariable long id, HttpServletResponse response) throws IOException {
		var notice = this.notices.notice(id);
		SafetyApiController.attachment(response, SafetyApiController.DOCX,
				"notice-" + notice.year() + "-" + notice.seq() + ".docx");
		this.notices.writeDocument(id, response.getOutputStream());
	}

}

package io.parkops.safety.internal;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parkops.platform.excel.ExcelRows;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Excel exports of every safety list, with the filters of the list and headers in the
 * reader's language.
 */
@Component
public class SafetyExports {

	private static final int ALL = 500;

	private final HazardService hazards;

	private final NoticeService notices;

	private final CaseService cases;

	private final MessageSource messages;

	SafetyExports(HazardService hazards, NoticeService notices, CaseService cases, MessageSource messages) {
		this.hazards = hazards;
		this.notices = notices;
		this.cases = cases;
		this.messages = messages;
	}

	private String t(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private List<String> headers(String... keys) {
		return Arrays.stream(keys).map(this::t).toList();
	}

	public void hazards(HazardFilter filter, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		this.hazards.eachHazard(filter,
				(h) -> rows.add(Arrays.asList(h.id(), h.enterpriseName(), h.enterpriseCreditCode(),
						t("safety.level." + h.level()), h.category(), h.description(), h.location(),
						t("safety.rectificationType." + h.rectificationType()), str(h.foundOn()), str(h.deadline()),
						t("safety.hazard.status." + h.status()), h.overdue() ? t("safety.yes") : "",
						str(h.rectifiedOn()), str(h.acceptedOn()), h.responsiblePerson())));
		ExcelRows.write(out, t("safety.hazards.title"),
				headers("safety.field.id", "safety.field.enterprise", "safety.field.creditCode", "safety.field.level",
						"safety.field.category", "safety.field.description", "safety.field.location",
						"safety.field.rectificationType", "safety.field.foundOn", "safety.field.deadline",
						"safety.field.status", "safety.field.overdue", "safety.field.rectifiedOn",
						"safety.field.acceptedOn", "safety.field.responsiblePerson"),
				rows);
	}

	public void inspections(String zone, String kind, LocalDate from, LocalDate to, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.hazards.inspections(zone, kind, from, to, page, ALL).items();
			items.forEach((i) -> rows.add(Arrays.asList(i.id(), str(i.date()), t("safety.inspection.kind." + i.kind()),
					i.organizer(), String.join("、", i.agencies()), i.people(), i.enterpriseCreditCodes().size(),
					i.hazards(), i.notes())));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("safety.inspections.title"),
				headers("safety.field.id", "safety.field.date", "safety.field.kind", "safety.field.organizer",
						"safety.field.agencies", "safety.field.people", "safety.field.enterprisesCount",
						"safety.field.hazardsCount", "safety.field.notes"),
				rows);
	}

	public void notices(String zone, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.notices.notices(zone, null, page, ALL).items();
			items.forEach((n) -> rows.add(Arrays.asList(n.number(), t("safety.notice.kind." + n.kind()),
					n.enterpriseName(), n.enterpriseCreditCode(), str(n.issuedOn()), str(n.deadline()),
					n.hazardIds().size(), n.issuer())));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("safety.notices.title"),
				headers("safety.field.number", "safety.field.kind", "safety.field.enterprise",
						"safety.field.creditCode", "safety.field.issuedOn", "safety.field.deadline",
						"safety.field.hazardsCount", "safety.field.issuer"),
				rows);
	}

	public void penalties(String zone, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.cases.penalties(zone, page, ALL).items();
			items.forEach((p) -> rows.add(Arrays.asList(str(p.decidedOn()), p.enterpriseName(),
					p.enterpriseCreditCode(), p.amount(), p.reason(), p.decisionNumber())));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("safety.penalties.title"), headers("safety.field.decidedOn", "safety.field.enterprise",
				"safety.field.creditCode", "safety.field.amount", "safety.field.reason", "safety.field.decisionNumber"),
				rows);
	}

	public void complaints(String zone, String status, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.cases.complaints(zone, status, page, ALL).items();
			items.forEach((c) -> rows.add(Arrays.asList(c.id(), str(c.receivedOn()), c.source(), c.content(),
					t("safety.complaint.status." + c.status()), str(c.deadline()), c.late() ? t("safety.yes") : "",
					str(c.answeredOn()), str(c.closedOn()), c.reply())));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("safety.complaints.title"),
				headers("safety.field.id", "safety.field.receivedOn", "safety.field.source", "safety.field.content",
						"safety.field.status", "safety.field.deadline", "safety.field.late", "safety.field.answeredOn",
						"safety.field.closedOn", "safety.field.reply"),
				rows);
	}

	public void patrols(String zone, LocalDate from, LocalDate to, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.cases.patrols(zone, from, to, page, ALL).items();
			items.forEach((p) -> rows
				.add(Arrays.asList(str(p.patrolOn()), p.route(), p.patrollers(), p.findings(), p.complaintId())));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("safety.patrols.title"), headers("safety.field.patrolOn", "safety.field.route",
				"safety.field.patrollers", "safety.field.findings", "safety.field.complaint"), rows);
	}

	private static String str(Object value) {
		return (value != null) ? value.toString() : null;
	}

}

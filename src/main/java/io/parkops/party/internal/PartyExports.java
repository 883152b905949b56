package io.parkops.party.internal;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parkops.party.internal.PartyViews.OrganisationView;
import io.parkops.party.internal.PartyViews.ScreeningRow;
import io.parkops.platform.excel.ExcelRows;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Excel exports of the party lists, headers in the reader's language. The member list
 * carries no phone number.
 */
@Component
public class PartyExports {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final int ALL = 200;

	private final PartyService party;

	private final CoverageService coverage;

	private final MessageSource messages;

	PartyExports(PartyService party, CoverageService coverage, MessageSource messages) {
		this.party = party;
		this.coverage = coverage;
		this.messages = messages;
	}

	public static void attachment(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

	private String t(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private List<String> headers(String... keys) {
		return Arrays.stream(keys).map(this::t).toList();
	}

	private static String str(Object o) {
		return (o != null) ? o.toString() : "";
	}

	public void organisations(String zone, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			List<OrganisationView> items = this.party.organisations(zone, null, null, null, null, page, ALL).items();
			for (OrganisationView o : items) {
				List<String> names = o.enterprises()
					.stream()
					.filter((e) -> e.to() == null)
					.map(PartyViews.CoveredEnterprise::name)
					.toList();
				rows.add(Arrays.asList(o.name(), t("party.kind." + o.kind()),
						(o.branchType() != null) ? t("party.type." + o.branchType()) : "", str(o.parentName()),
						str(o.secretary()), str(o.foundedOn()), str(o.termEndsOn()), str(o.endedOn()),
						(o.endReason() != null) ? t("party.end." + o.endReason()) : "", o.members(),
						String.join("、", names)));
			}
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("party.organisations.title"),
				headers("party.field.name", "party.field.kind", "party.field.branchType", "party.field.parentId",
						"party.field.secretary", "party.field.foundedOn", "party.field.termEndsOn",
						"party.field.endedOn", "party.field.endReason", "party.field.members",
						"party.field.enterpriseCreditCodes"),
				rows);
	}

	public void members(String zone, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.party.members(zone, null, null, null, true, page, ALL).items();
			items.forEach((m) -> rows.add(Arrays.asList(m.name(), t("party.gender." + m.gender()), m.birthYear(),
					t("party.status." + m.status()), str(m.joinedOn()), str(m.fullOn()), m.organisationName(),
					str(m.enterpriseName()))));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("party.members.title"),
				headers("party.field.name", "party.field.gender", "party.field.birthYear", "party.field.status",
						"party.field.joinedOn", "party.field.fullOn", "party.field.organisationId",
						"party.field.enterpriseCreditCode"),
				rows);
	}

	public void activities(String zone, int year, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = this.party
				.activities(zone, null, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), page, ALL)
				.items();
			items.forEach((a) -> rows.add(Arrays.asList(str(a.on()), t("party.activity." + a.kind()), a.title(),
					a.organisationName(), str(a.serviceTeamName()), a.participants(),
					String.join("、", a.participantList().stream().map(PartyViews.Participant::name).toList()),
					str(a.notes()))));
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("party.activities.title"),
				headers("party.field.on", "party.field.kind", "party.field.title", "party.field.organisationId",
						"party.field.serviceTeamId", "party.field.participants", "party.field.participantList",
						"party.field.notes"),
				rows);
	}

	/**
	 * The screening list as of a date, every enterprise the filter lets through (all in
	 * scope with {@link PartyViews.ScreeningFilter#NONE}).
	 */
	public void screening(String zone, LocalDate asOf, PartyViews.ScreeningFilter filter, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (ScreeningRow r : this.coverage.screening(zone, asOf).enterprises()) {
			if (!filter.test(r)) {
				continue;
			}
			rows.add(Arrays.asList(r.name(), r.creditCode(),
					t((r.ownershipType() != null) ? "enterprise.ownershipType." + r.ownershipType()
							: "enterprise.ownershipType.none"),
					r.members(), r.fullMembers(),
					(r.employees() != null) ? r.employees().setScale(0, java.math.RoundingMode.HALF_UP) : "",
					str(r.branchName()), (r.branchType() != null) ? t("party.type." + r.branchType()) : "",
					str(r.instructorName()), t("party.coverage." + r.coverage())));
		}
		ExcelRows.write(out, t("party.screening.title"),
				headers("party.field.enterprise", "party.field.creditCode", "enterprise.field.ownershipType",
						"party.field.members", "party.field.fullMembers", "party.field.employees", "party.field.branch",
						"party.field.branchType", "party.field.instructorId", "party.field.coverage"),
				rows);
	}

}

package io.parkops.investment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parkops.investment.internal.InvestmentViews.LeadView;
import io.parkops.investment.internal.InvestmentViews.ProblemView;
import io.parkops.investment.internal.InvestmentViews.ProjectView;
import io.parkops.investment.internal.InvestmentViews.RankView;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.excel.ExcelRows;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Excel exports of the lead and project lists and of this month's 调度 list, and the 调度会
 * briefing as a Word document.
 */
@Component
public class InvestmentExports {

	private static final int ALL = 200;

	private final LeadService leads;

	private final ProjectService projects;

	private final SummaryService summaries;

	private final MessageSource messages;

	InvestmentExports(LeadService leads, ProjectService projects, SummaryService summaries, MessageSource messages) {
		this.leads = leads;
		this.projects = projects;
		this.summaries = summaries;
		this.messages = messages;
	}

	private String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private List<String> headers(String... keys) {
		return Arrays.stream(keys).map((k) -> t("investment.field." + k)).toList();
	}

	private static String str(Object o) {
		return (o != null) ? o.toString() : "";
	}

	public void leads(String zone, String stage, String source, Boolean overdue, String q, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			List<LeadView> items = this.leads.leads(zone, stage, source, overdue, q, page, ALL).items();
			for (LeadView l : items) {
				rows.add(Arrays.asList(l.name(), l.investor(), t("investment.source." + l.source()),
						str(l.industryCode()), l.intendedAmount(), l.intendedUsd(), l.landMu(), l.factoryM2(),
						l.responsible(), t("investment.leadStage." + l.stage()), str(l.createdOn()),
						str(l.followUpDue()), l.overdue() ? t("investment.yes") : ""));
			}
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("investment.leads.title"),
				headers("name", "investor", "source", "industryCode", "intendedAmount", "intendedUsd", "landMu",
						"factoryM2", "responsible", "stage", "createdOn", "followUpDue", "overdue"),
				rows);
	}

	public void projects(String zone, String stage, String light, String q, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			List<ProjectView> items = this.projects.projects(zone, stage, light, q, page, ALL).items();
			for (ProjectView p : items) {
				rows.add(Arrays.asList(p.name(), str(p.enterpriseName()), t("investment.projectStage." + p.stage()),
						str(p.signedOn()), str(p.startedOn()), str(p.inProductionOn()), p.contractAmount(),
						p.totalInvestment(), p.fixedAssetInvestment(), p.fundsInPlace(), p.fdiUsd(), str(p.leader()),
						head(p.taskForce()), t("investment.light." + p.light()), p.openProblems()));
			}
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("investment.projects.title"),
				headers("name", "enterprise", "stage", "signedOn", "on", "on", "contractAmount", "totalInvestment",
						"fixedAssetInvestment", "fundsInPlace", "fdiUsd", "leader", "taskForceLead", "light",
						"openProblems"),
				rows);
	}

	/** The 专班长 of a task force as a report names them, or "". */
	private String head(List<InvestmentViews.TaskForceMemberView> members) {
		return members.stream()
			.filter((m) -> "LEAD".equals(m.role()))
			.findFirst()
			.map((m) -> lead(m.name(), m.department()))
			.orElse("");
	}

	private String lead(String name, String department) {
		if (department == null) {
			return "";
		}
		return (name != null) ? t("investment.taskForce.label", name, department) : department;
	}

	/** This month's 调度 list: the projects behind schedule with their open problems. */
	public void dispatch(String zone, OutputStream out) {
		CurrentUser.get().checkZone(zone);
		List<List<?>> rows = new ArrayList<>();
		List<ProblemView> open = openProblems(zone);
		for (RankView r : this.projects.ranking(zone)) {
			if ("GREEN".equals(r.light()) && r.openProblems() == 0) {
				continue;
			}
			List<ProblemView> mine = open.stream().filter((q) -> q.projectId() == r.projectId()).toList();
			String problems = String.join("；",
					mine.stream()
						.map((q) -> q.description() + "（" + q.department() + "，" + q.deadline() + "）")
						.toList());
			rows.add(Arrays.asList(r.rank(), r.name(), str(r.leader()),
					lead(r.taskForceLead(), r.taskForceLeadDepartment()), t("investment.projectStage." + r.stage()),
					t("investment.light." + r.light()), r.schedulePct(),
					(r.lateMilestone() != null) ? t("investment.milestone." + r.lateMilestone()) : "", problems));
		}
		ExcelRows.write(out, t("investment.dashboard.schedule"), headers("rank", "project", "leader", "taskForceLead",
				"stage", "light", "schedulePct", "lateMilestone", "openProblems"), rows);
	}

	private List<ProblemView> openProblems(String zone) {
		return this.projects.zoneProblems(zone, null, null, 0, 200)
			.items()
			.stream()
			.filter((p) -> !"CLOSED".equals(p.status()))
			.toList();
	}

	/**
	 * The 调度会 briefing: targets against 时序进度, the late projects and the open problems.
	 */
	public void briefing(String zone, String zoneName, OutputStream out) {
		CurrentUser.get().checkZone(zone);
		LocalDate today = Access.today();
		InvestmentSummary s = this.summaries.summary(zone, today.withDayOfYear(1), today);
		try (XWPFDocument doc = new XWPFDocument()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, zoneName + t("investment.briefing.title", String.valueOf(today.getYear()),
					String.valueOf(today.getMonthValue())), 22, true);
			paragraph(doc, t("investment.briefing.date", today.toString()));
			heading(doc, t("investment.briefing.targets", s.timeProgressPct().toPlainString()));
			if (s.targets().isEmpty()) {
				paragraph(doc, t("investment.dashboard.noTargets"));
			}
			for (InvestmentSummary.Target target : s.targets()) {
				paragraph(doc,
						t("investment.briefing.target", t("investment.target." + target.code()),
								target.current().toString(), target.target().toString(),
								target.progressPct().toPlainString(), t(
										(target.aheadPoints().signum() < 0) ? "investment.briefing.behind"
												: "investment.briefing.ahead",
										target.aheadPoints().abs().toPlainString())));
			}
			heading(doc, t("investment.briefing.late"));
			List<ProblemView> open = openProblems(zone);
			int n = 0;
			for (RankView r : this.projects.ranking(zone)) {
				if ("GREEN".equals(r.light())) {
					continue;
				}
				n++;
				paragraph(doc,
						n + ". " + r.name() + "：" + t("investment.light." + r.light()) + "，"
								+ t("investment.field.schedulePct") + " " + r.schedulePct()
								+ ((r.lateMilestone() != null) ? "，" + t("investment.field.lateMilestone") + " "
										+ t("investment.milestone." + r.lateMilestone()) : "")
								+ ((r.taskForceLeadDepartment() != null) ? "，" + t("investment.field.taskForceLead")
										+ " " + lead(r.taskForceLead(), r.taskForceLeadDepartment()) : ""));
			}
			if (n == 0) {
				paragraph(doc, t("investment.none"));
			}
			heading(doc, t("investment.briefing.problems"));
			n = 0;
			for (ProblemView q : open) {
				n++;
				paragraph(doc,
						n + ". " + q.projectName() + "：" + q.description() + "（" + q.department() + "，"
								+ t("investment.field.deadline") + " " + q.deadline()
								+ (q.overdue() ? "，" + t("investment.overdue") : "") + "）");
			}
			if (n == 0) {
				paragraph(doc, t("investment.none"));
			}
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void heading(XWPFDocument doc, String text) {
		run(doc.createParagraph(), text, 16, true);
	}

	private static void paragraph(XWPFDocument doc, String text) {
		run(doc.createParagraph(), text, 16, false);
	}

	private static void run(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontFamily("仿宋_GB2312");
	}

}

package io.parkops.economy.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.parkops.economy.EconomySummary;
import io.parkops.economy.EnterpriseRank;
import io.parkops.economy.MonthlyPoint;
import io.parkops.platform.ZoneTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the monitoring figures to Excel, one sheet per table of the page (indicators and
 * zone figures, groups, the trend and the rankings), numbers as numbers.
 */
@Component
public class EconomyExport {

	private final MessageSource messages;

	EconomyExport(MessageSource messages) {
		this.messages = messages;
	}

	/** What the summary page shows, for one indicator's trend and ranking. */
	public void summary(EconomySummary summary, String indicator, List<MonthlyPoint> trend,
			List<EnterpriseRank> byGrowth, List<EnterpriseRank> byContribution, OutputStream out) {
		try {
			Workbook workbook = new Workbook(out, "ParkOps", "1.0");
			String period = text("economy.period", summary.year(), summary.month());
			List<List<?>> rows = new ArrayList<>();
			for (EconomySummary.IndicatorFigure f : summary.indicators()) {
				rows.add(figureRow(f.code(), f.unit(), f.current(), f.base(), f.growthPct(), f.target()));
			}
			for (EconomySummary.ZoneFigure f : summary.zoneFigures()) {
				rows.add(figureRow(f.code(), f.unit(), f.current(), f.base(), f.growthPct(), f.target()));
			}
			sheet(workbook, text("economy.export.indicators"), period,
					List.of(text("economy.col.indicator"), text("economy.col.unit"), text("economy.col.current"),
							text("economy.col.base"), text("economy.col.growth"), text("economy.col.target"),
							text("economy.col.progress"), text("economy.col.gap")),
					rows);
			if (!summary.groups().isEmpty()) {
				List<List<?>> groups = new ArrayList<>();
				for (EconomySummary.Group g : summary.groups()) {
					for (EconomySummary.GroupIndicator i : g.indicators()) {
						groups.add(java.util.Arrays.asList(g.key(), g.name(), g.enterpriseCount(), name(i.code()),
								i.current(), i.base(), i.growthPct(), i.sharePct(), i.pullPoints(),
								i.contributionPct()));
					}
				}
				sheet(workbook, text("economy.export.groups"), period,
						List.of(text("economy.col.key"), text("economy.col.group"), text("economy.col.enterprises"),
								text("economy.col.indicator"), text("economy.col.current"), text("economy.col.base"),
								text("economy.col.growth"), text("economy.col.share"), text("economy.col.pull"),
								text("economy.col.contribution")),
						groups);
			}
			List<List<?>> points = new ArrayList<>();
			for (MonthlyPoint p : trend) {
				points.add(java.util.Arrays.asList(p.month(), p.value(), p.priorValue(), p.cumulative(),
						p.priorCumulative(), p.growthPct()));
			}
			sheet(workbook, text("economy.export.trend"), name(indicator) + " " + summary.year(),
					List.of(text("economy.col.month"), text("economy.col.value"), text("economy.col.priorValue"),
							text("economy.col.cumulative"), text("economy.col.priorCumulative"),
							text("economy.col.growth")),
					points);
			ranking(workbook, text("economy.export.byGrowth"), period, byGrowth);
			ranking(workbook, text("economy.export.byContribution"), period, byContribution);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<?> figureRow(String code, String unit, Object current, Object base, Object growth,
			EconomySummary.Target target) {
		Object targetValue = null;
		Object progress = null;
		Object gap = null;
		if (target != null) {
			targetValue = switch (target.kind()) {
				case EconomySummary.Target.GROWTH -> target.growthPct() + "%";
				case EconomySummary.Target.COUNT -> target.count();
				default -> target.amount();
			};
			progress = target.progressPct();
			gap = EconomySummary.Target.GROWTH.equals(target.kind()) ? target.gapPoints() : target.aheadPoints();
		}
		return java.util.Arrays.asList(name(code), unit, current, base, growth, targetValue, progress, gap);
	}

	private void ranking(Workbook workbook, String title, String period, List<EnterpriseRank> ranks) {
		List<List<?>> rows = new ArrayList<>();
		for (EnterpriseRank r : ranks) {
			rows.add(java.util.Arrays.asList(r.rank(), r.creditCode(), r.name(), r.industryName(), r.current(),
					r.base(), r.growthPct(), r.sharePct(), r.pullPoints(), r.contributionPct()));
		}
		sheet(workbook, title, period,
				List.of(text("economy.col.rank"), text("economy.import.creditCode"), text("economy.import.name"),
						text("economy.col.industry"), text("economy.col.current"), text("economy.col.base"),
						text("economy.col.growth"), text("economy.col.share"), text("economy.col.pull"),
						text("economy.col.contribution")),
				rows);
	}

	/** A sheet with a title line (the period), a bold header row and the rows. */
	static void sheet(Workbook workbook, String name, String title, List<String> headers, List<List<?>> rows) {
		Worksheet sheet = workbook.newWorksheet(name);
		io.parkops.platform.excel.ExcelRows.exported(rows.size());
		sheet.value(0, 0, title);
		sheet.style(0, 0).bold().set();
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(1, c, headers.get(c));
			sheet.style(1, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, Math.max(12, headers.get(c).length() * 2.2));
		}
		int r = 2;
		for (List<?> row : rows) {
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v instanceof Number n) {
					sheet.value(r, c, n);
				}
				else if (v != null) {
					sheet.value(r, c, v.toString());
				}
			}
			r++;
		}
	}

	private String name(String code) {
		return text("economy.indicator." + code);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** The completeness list of a month. */
	public void completeness(MonthlyCollection.Completeness c, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (MonthlyCollection.Entry e : c.entries()) {
			rows.add(java.util.Arrays.asList(e.creditCode(), e.name(), e.areaCode(), e.industryName(),
					text("economy.state." + e.state().name()),
					(e.submittedAt() != null) ? e.submittedAt()
						.atZoneSameInstant(ZoneTime.zone())
						.toLocalDateTime()
						.toString()
						.replace('T', ' ') : null,
					e.revision(), e.anomalies()
							? text(e.confirmed() ? "economy.anomaly.confirmed" : "economy.anomaly.unconfirmed") : null,
					e.reminders()));
		}
		io.parkops.platform.excel.ExcelRows.write(out, c.month(),
				List.of(text("economy.import.creditCode"), text("economy.import.name"), text("economy.col.area"),
						text("economy.col.industry"), text("economy.col.state"), text("economy.col.submittedAt"),
						text("economy.col.revision"), text("economy.col.anomalies"), text("economy.col.reminders")),
				rows);
	}

	/** The 拟入规 candidates. */
	public void candidates(String month, List<MonthlyCollection.Candidate> candidates, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (MonthlyCollection.Candidate c : candidates) {
			rows.add(java.util.Arrays.asList(c.creditCode(), c.name(), c.areaCode(), c.industryName(), c.revenue12(),
					c.thresholdPct()));
		}
		io.parkops.platform.excel.ExcelRows.write(out, month,
				List.of(text("economy.import.creditCode"), text("economy.import.name"), text("economy.col.area"),
						text("economy.col.industry"), text("economy.col.revenue12"),
						text("economy.col.thresholdShare")),
				rows);
	}

}

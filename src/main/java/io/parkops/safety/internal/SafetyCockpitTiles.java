package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitContribution;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.safety.MonthlyHazards;
import io.parkops.safety.SafetyStatistics;
import io.parkops.safety.SafetySummary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The hazards on the leadership cockpit, from {@link SafetyStatistics} as the safety
 * statistics page shows them: found this year and, of them, accepted, the 整改完成率, open and
 * overdue today, and month by month. {@code GET /api/v1/cockpit} also answers these
 * figures under {@code safety} ({@link Figures}).
 */
@Component
class SafetyCockpitTiles implements CockpitTileSource {

	static final String READ = "safety:statistics:read";

	private final SafetyStatistics statistics;

	private final MessageSource messages;

	SafetyCockpitTiles(SafetyStatistics statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	/**
	 * Hazards: found this year and, of them, accepted; open and overdue today; month by
	 * month.
	 */
	public record Figures(int year, long found, long accepted, BigDecimal ratePct, long open, long overdue,
			List<Integer> months, List<Long> foundByMonth, List<Long> acceptedByMonth, List<Long> overdueByMonth) {
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public String permission() {
		return READ;
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		return contribution(zoneCode, today, locale).tiles();
	}

	@Override
	public CockpitContribution contribution(String zoneCode, LocalDate today, Locale locale) {
		Figures f = figures(zoneCode, today);
		return new CockpitContribution(List.of(tile(f, locale)), "safety", f);
	}

	Figures figures(String zone, LocalDate today) {
		SafetySummary year = this.statistics.summary(zone, today.withDayOfYear(1), today);
		List<MonthlyHazards> trend = this.statistics.monthlyTrend(zone, today.getYear())
			.stream()
			.filter((m) -> !m.month().atDay(1).isAfter(today))
			.toList();
		return new Figures(today.getYear(), year.hazardsFound(), year.hazardsAccepted(), year.rectificationRatePct(),
				this.statistics.openHazards(zone), this.statistics.overdueHazards(zone),
				trend.stream().map((m) -> m.month().getMonthValue()).toList(),
				trend.stream().map(MonthlyHazards::found).toList(),
				trend.stream().map(MonthlyHazards::accepted).toList(),
				trend.stream().map(MonthlyHazards::overdueOpen).toList());
	}

	private CockpitTile tile(Figures f, Locale locale) {
		String count = text(locale, "safety.cockpit.unit.count");
		List<CockpitTile.Figure> cards = List.of(
				CockpitTile.Figure.of(text(locale, "safety.cockpit.found"), Long.toString(f.found()), count, "", false),
				CockpitTile.Figure.of(text(locale, "safety.cockpit.accepted"), Long.toString(f.accepted()), count, "",
						false),
				CockpitTile.Figure.of(text(locale, "safety.cockpit.rate"),
						(f.ratePct() != null) ? f.ratePct().toPlainString() : "-", (f.ratePct() != null) ? "%" : "", "",
						false),
				CockpitTile.Figure.of(text(locale, "safety.cockpit.open"), Long.toString(f.open()), count, "", false),
				CockpitTile.Figure.of(text(locale, "safety.cockpit.overdue"), Long.toString(f.overdue()), count, "",
						f.overdue() > 0));
		List<String> months = f.months()
			.stream()
			.map((m) -> java.time.Month.of(m).getDisplayName(TextStyle.SHORT, locale))
			.toList();
		CockpitTile.Chart chart = CockpitTile.Chart
			.bars("safety.hazards", text(locale, "safety.cockpit.chart"), null, false, false, months, List.of(
					counts(text(locale, "safety.cockpit.series.found"), f.foundByMonth(), null),
					counts(text(locale, "safety.cockpit.series.accepted"), f.acceptedByMonth(), null),
					counts(text(locale, "safety.cockpit.series.overdue"), f.overdueByMonth(), CockpitTile.Chart.LINE)));
		return new CockpitTile("safety.hazards", text(locale, "safety.cockpit.title"), cards, List.of(chart),
				"/safety/hazards", null, null, true);
	}

	private static CockpitTile.Series counts(String name, List<Long> values, String kind) {
		return new CockpitTile.Series(name, values.stream().map(BigDecimal::valueOf).toList(),
				values.stream().map((v) -> Long.toString(v)).toList(), kind, false);
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}

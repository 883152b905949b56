package io.parkops.service.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.economy.EconomyStatistics;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.land.EnterpriseLand;
import io.parkops.service.internal.Kinds.CriterionKind;
import io.parkops.service.internal.Kinds.Indicator;
import io.parkops.service.internal.ServiceCommands.Criterion;
import io.parkops.service.internal.ServiceViews.CriterionResult;
import io.parkops.service.internal.ServiceViews.MatchView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 政策找企业: checks every criterion of a policy against the data the system holds for each
 * enterprise — 规上, flags, industry from the registry; an indicator's 1–N cumulative
 * figure and its same-month growth from the monthly figures — and says, criterion by
 * criterion, whether it is met and the figure behind it. MANUAL criteria are listed as to
 * be checked by hand and do not decide {@code qualifies}.
 */
@Component
class PolicyMatcher {

	static final Map<String, String> FLAG_NAMES = Map.of("HIGH_TECH", "高新技术企业", "SPECIALIZED", "专精特新中小企业",
			"LITTLE_GIANT", "专精特新“小巨人”企业", "GREEN_FACTORY", "绿色工厂", "LISTED", "上市企业", "FOREIGN", "外资企业");

	private final EconomyStatistics economy;

	private final EnterpriseLand land;

	private final JdbcClient jdbc;

	PolicyMatcher(EconomyStatistics economy, EnterpriseLand land, JdbcClient jdbc) {
		this.economy = economy;
		this.land = land;
		this.jdbc = jdbc;
	}

	/** The year an indicator criterion looks at: its own, or last year. */
	static int yearOf(Criterion c, LocalDate today) {
		return (c.year() != null) ? c.year() : today.getYear() - 1;
	}

	/** The sentence a criterion reads as (its own text if it has one). */
	static String text(Criterion c, LocalDate today) {
		if (c.text() != null && !c.text().isBlank()) {
			return c.text();
		}
		CriterionKind kind = CriterionKind.valueOf(c.kind());
		return switch (kind) {
			case ABOVE_SCALE -> "规模以上企业";
			case FLAG -> FLAG_NAMES.getOrDefault(c.flag(), c.flag());
			case INDUSTRY -> "所属行业：" + String.join("、", c.industries());
			case INDICATOR_GROWTH ->
				yearOf(c, today) + "年" + Indicator.of(c.indicator()).nameZh + "同比增长不低于" + plain(c.minPct()) + "%";
			case INDICATOR_AMOUNT -> yearOf(c, today) + "年" + Indicator.of(c.indicator()).nameZh + "不低于"
					+ plain(c.min()) + Indicator.of(c.indicator()).unit;
			case SERVICE -> switch (Kinds.ServiceMeasure.valueOf(c.measure())) {
				case HIRES -> yearOf(c, today) + "年报告招工不少于" + plain(c.min()) + "人";
				case NO_OVERDUE_BRIDGE -> "无逾期未还的过桥应急周转金";
				case AGENCY_FINISHED -> yearOf(c, today) + "年园区代办办结事项不少于" + plain(c.min()) + "件";
			};
			case LAND -> switch (Kinds.LandMeasure.valueOf(c.measure())) {
				case PER_MU_CLASS -> "亩均效益评价" + String.join("、", c.classes()) + "类";
				case LAND_AREA -> "持有土地不少于" + plain(c.min()) + "亩";
			};
			case MANUAL -> "";
		};
	}

	/**
	 * The enterprises of a zone (those not moved out), each checked against every
	 * criterion: the data each criterion reads is fetched once for all of them (one query
	 * per indicator and year, per services measure, and one for the land data), then
	 * every enterprise is checked in memory.
	 */
	List<MatchView> matches(List<Criterion> criteria, List<Enterprise> enterprises, String zone, LocalDate today) {
		List<Enterprise> present = enterprises.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		Map<String, Map<String, Figures>> figures = new HashMap<>();
		Map<String, EnterpriseLand.Facts> land = Map.of();
		for (Criterion c : criteria) {
			CriterionKind kind = CriterionKind.valueOf(c.kind());
			if (kind == CriterionKind.INDICATOR_GROWTH || kind == CriterionKind.INDICATOR_AMOUNT) {
				Indicator indicator = Indicator.of(c.indicator());
				int year = yearOf(c, today);
				figures.computeIfAbsent(indicator.column + "/" + year, (k) -> figures(zone, indicator, year));
			}
			if (kind == CriterionKind.SERVICE) {
				figures.computeIfAbsent(serviceKey(c, today), (k) -> serviceFigures(zone, c, today));
			}
			if (kind == CriterionKind.LAND && land.isEmpty() && !present.isEmpty()) {
				land = this.land.of(present.stream().map(Enterprise::creditCode).toList());
			}
		}
		List<String> texts = criteria.stream().map((c) -> text(c, today)).toList();
		Data data = new Data(figures, land);
		List<MatchView> result = new ArrayList<>(present.size());
		for (Enterprise e : present) {
			result.add(match(criteria, texts, e, data, today));
		}
		result
			.sort((a, b) -> (a.qualifies() != b.qualifies()) ? (a.qualifies() ? -1 : 1) : a.name().compareTo(b.name()));
		return result;
	}

	/** The data the criteria of one matching read, fetched once for all enterprises. */
	private record Data(Map<String, Map<String, Figures>> figures, Map<String, EnterpriseLand.Facts> land) {
	}

	private MatchView match(List<Criterion> criteria, List<String> texts, Enterprise e, Data data, LocalDate today) {
		List<CriterionResult> results = new ArrayList<>(criteria.size());
		boolean qualifies = true;
		for (int i = 0; i < criteria.size(); i++) {
			CriterionResult r = check(criteria.get(i), texts.get(i), e, data, today);
			results.add(r);
			if (Boolean.FALSE.equals(r.met())) {
				qualifies = false;
			}
		}
		return new MatchView(e.creditCode(), e.name(), qualifies, results);
	}

	private CriterionResult check(Criterion c, String text, Enterprise e, Data data, LocalDate today) {
		CriterionKind kind = CriterionKind.valueOf(c.kind());
		Map<String, Map<String, Figures>> figures = data.figures();
		switch (kind) {
			case ABOVE_SCALE:
				return new CriterionResult(kind.name(), text, e.aboveScale(), e.aboveScale()
						? "规上（" + ((e.aboveScaleSince() != null) ? e.aboveScaleSince() + "起" : "在库") + "）" : "规下");
			case FLAG: {
				boolean met = e.flags().contains(c.flag());
				String held = e.flags().isEmpty() ? "无资质认定"
						: String.join("、", e.flags().stream().map((f) -> FLAG_NAMES.getOrDefault(f, f)).toList());
				return new CriterionResult(kind.name(), text, met, held);
			}
			case INDUSTRY: {
				String industry = e.industryCode();
				boolean met = industry != null && c.industries().stream().anyMatch(industry::startsWith);
				String value = (industry == null) ? "未登记行业"
						: industry + ((e.industryName() != null) ? " " + e.industryName() : "");
				return new CriterionResult(kind.name(), text, met, value);
			}
			case INDICATOR_GROWTH:
			case INDICATOR_AMOUNT: {
				Indicator indicator = Indicator.of(c.indicator());
				int year = yearOf(c, today);
				Figures f = figures.getOrDefault(indicator.column + "/" + year, Map.of()).get(e.creditCode());
				if (f == null || f.current() == null) {
					return new CriterionResult(kind.name(), text, false, "无" + year + "年" + indicator.nameZh + "数据");
				}
				String period = year + "年1-" + f.lastMonth() + "月" + indicator.nameZh + money(f.current())
						+ indicator.unit;
				if (kind == CriterionKind.INDICATOR_AMOUNT) {
					return new CriterionResult(kind.name(), text, f.current().compareTo(c.min()) >= 0, period);
				}
				if (f.base() == null || f.base().signum() <= 0) {
					return new CriterionResult(kind.name(), text, false, period + "，无上年同期数据");
				}
				BigDecimal growth = f.sameCurrent()
					.subtract(f.base())
					.multiply(BigDecimal.valueOf(100))
					.divide(f.base(), 10, RoundingMode.HALF_UP);
				BigDecimal shown = growth.setScale(2, RoundingMode.HALF_UP);
				return new CriterionResult(kind.name(), text, growth.compareTo(c.minPct()) >= 0, period + "，上年同期"
						+ money(f.base()) + indicator.unit + "，同比"
						+ ((shown.signum() >= 0) ? "增长" + shown.toPlainString() : "下降" + shown.negate().toPlainString())
						+ "%");
			}
			case SERVICE: {
				Figures f = figures.getOrDefault(serviceKey(c, today), Map.of()).get(e.creditCode());
				long n = (f != null) ? f.current().longValue() : 0;
				return switch (Kinds.ServiceMeasure.valueOf(c.measure())) {
					case HIRES -> new CriterionResult(kind.name(), text, n >= c.min().longValue(),
							yearOf(c, today) + "年报告招工" + n + "人");
					case NO_OVERDUE_BRIDGE ->
						new CriterionResult(kind.name(), text, n == 0, (n == 0) ? "无逾期过桥资金" : "逾期未还过桥资金" + n + "笔");
					case AGENCY_FINISHED -> new CriterionResult(kind.name(), text, n >= c.min().longValue(),
							yearOf(c, today) + "年代办办结" + n + "件");
				};
			}
			case LAND: {
				EnterpriseLand.Facts l = data.land().get(e.creditCode());
				return switch (Kinds.LandMeasure.valueOf(c.measure())) {
					case PER_MU_CLASS -> (l == null || l.perMuClass() == null)
							? new CriterionResult(kind.name(), text, false, "无已定级的亩均效益评价结果")
							: new CriterionResult(kind.name(), text, c.classes().contains(l.perMuClass()), l.perMuYear()
									+ "年度亩均效益评价" + l.perMuClass() + "类" + (l.perMuGraded() ? "" : "（未参评，按B类）"));
					case LAND_AREA -> {
						BigDecimal mu = (l != null) ? l.landMu() : BigDecimal.ZERO;
						int parcels = (l != null) ? l.parcels() : 0;
						yield new CriterionResult(kind.name(), text, mu.compareTo(c.min()) >= 0,
								(parcels == 0) ? "未持有土地（0亩）" : "持有土地" + money(mu) + "亩（" + parcels + "宗地块）");
					}
				};
			}
			default:
				return new CriterionResult(kind.name(), text, null, "需人工核验");
		}
	}

	/** One enterprise's figures of an indicator in a year, from the economy module. */
	record Figures(BigDecimal current, BigDecimal sameCurrent, BigDecimal base, int lastMonth) {
	}

	Map<String, Figures> figures(String zone, Indicator indicator, int year) {
		Map<String, Figures> result = new HashMap<>();
		this.economy.enterpriseYearOnYearForReport(zone, indicator.economy(), year)
			.forEach((code, f) -> result.put(code, new Figures(f.current(), f.sameMonths(), f.base(), f.lastMonth())));
		return result;
	}

	private static String serviceKey(Criterion c, LocalDate today) {
		return "service/" + c.measure() + "/" + yearOf(c, today);
	}

	/** Each enterprise's figure of a services measure (in {@code current}). */
	private Map<String, Figures> serviceFigures(String zone, Criterion c, LocalDate today) {
		int year = yearOf(c, today);
		String sql = switch (Kinds.ServiceMeasure.valueOf(c.measure())) {
			case HIRES -> "SELECT credit_code, sum(hires) AS n FROM service_hire WHERE zone_code = :zone"
					+ " AND month >= :from AND month < :to GROUP BY credit_code";
			case NO_OVERDUE_BRIDGE -> "SELECT credit_code, count(*) AS n FROM service_financing WHERE zone_code = :zone"
					+ " AND kind = 'BRIDGE' AND repaid_on IS NULL AND due_on < :today GROUP BY credit_code";
			case AGENCY_FINISHED -> "SELECT credit_code, count(*) AS n FROM service_agency WHERE zone_code = :zone"
					+ " AND finished_on >= :from AND finished_on < :to GROUP BY credit_code";
		};
		Map<String, Figures> result = new HashMap<>();
		this.jdbc.sql(sql)
			.param("zone", zone)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("today", today)
			.query((rs) -> {
				result.put(rs.getString("credit_code").trim(), new Figures(rs.getBigDecimal("n"), null, null, 12));
			});
		return result;
	}

	/**
	 * A figure with two decimals, half up, and thousands separators ({@code 12,345.60}),
	 * without a formatter object per call (matching formats thousands of figures).
	 */
	static String money(BigDecimal v) {
		String plain = v.setScale(2, RoundingMode.HALF_UP).toPlainString();
		boolean negative = plain.startsWith("-");
		String digits = negative ? plain.substring(1) : plain;
		int point = digits.indexOf('.');
		StringBuilder out = new StringBuilder(plain.length() + 6);
		if (negative) {
			out.append('-');
		}
		for (int i = 0; i < point; i++) {
			if (i > 0 && (point - i) % 3 == 0) {
				out.append(',');
			}
			out.append(digits.charAt(i));
		}
		return out.append(digits, point, digits.length()).toString();
	}

	static String plain(BigDecimal v) {
		return (v == null) ? "" : v.stripTrailingZeros().toPlainString();
	}

}

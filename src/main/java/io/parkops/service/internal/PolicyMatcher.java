package io.parkops.service.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.parkops.economy.EconomyStatistics;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.land.EnterpriseLand;
import io.parkops.service.internal.Kinds.CriterionKind;
import io.parkops.service.internal.Kinds.Indicator;
import io.parkops.service.internal.ServiceCommands.Criterion;
import io.parkops.service.internal.ServiceViews.CriterionResult;
import io.parkops.service.internal.ServiceViews.MatchView;
import jakarta.annotation.PreDestroy;

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

	/** Fetches a matching's zone-wide figures while the enterprises are read. */
	private final ExecutorService fetching = Executors.newFixedThreadPool(2, (r) -> {
		Thread t = new Thread(r, "policy-matching");
		t.setDaemon(true);
		return t;
	});

	PolicyMatcher(EconomyStatistics economy, EnterpriseLand land, JdbcClient jdbc) {
		this.economy = economy;
		this.land = land;
		this.jdbc = jdbc;
	}

	@PreDestroy
	void stop() {
		this.fetching.shutdownNow();
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
	 * criterion. Each criterion is made ready once — its sentence, and the data it reads
	 * fetched for all enterprises at once (one query per indicator and year, per services
	 * measure, and one for the land data) — then applied to every enterprise in memory.
	 * The zone-wide figures (indicators, services) are fetched on the matcher's own
	 * threads while the enterprises and their land data are read.
	 */
	List<MatchView> matches(List<Criterion> criteria, Supplier<List<Enterprise>> enterprises, String zone,
			LocalDate today) {
		Map<String, CompletableFuture<Map<String, Figures>>> zoneFigures = new HashMap<>();
		for (Criterion c : criteria) {
			CriterionKind kind = CriterionKind.valueOf(c.kind());
			if (kind == CriterionKind.INDICATOR_GROWTH || kind == CriterionKind.INDICATOR_AMOUNT) {
				Indicator indicator = Indicator.of(c.indicator());
				int year = yearOf(c, today);
				zoneFigures.computeIfAbsent(indicatorKey(indicator, year),
						(k) -> CompletableFuture.supplyAsync(() -> figures(zone, indicator, year), this.fetching));
			}
			if (kind == CriterionKind.SERVICE) {
				zoneFigures.computeIfAbsent(serviceKey(c, today),
						(k) -> CompletableFuture.supplyAsync(() -> serviceFigures(zone, c, today), this.fetching));
			}
		}
		List<Enterprise> present = enterprises.get()
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		Sources sources = new Sources(present, zoneFigures);
		List<Check> checks = criteria.stream().map((c) -> check(c, sources, today)).toList();
		List<MatchView> result = new ArrayList<>(present.size());
		for (Enterprise e : present) {
			List<CriterionResult> results = new ArrayList<>(checks.size());
			boolean qualifies = true;
			for (Check check : checks) {
				CriterionResult r = check.apply(e);
				results.add(r);
				if (Boolean.FALSE.equals(r.met())) {
					qualifies = false;
				}
			}
			result.add(new MatchView(e.creditCode(), e.name(), qualifies, results));
		}
		result
			.sort((a, b) -> (a.qualifies() != b.qualifies()) ? (a.qualifies() ? -1 : 1) : a.name().compareTo(b.name()));
		return result;
	}

	/** {@link #matches(List, Supplier, String, LocalDate)} of enterprises at hand. */
	List<MatchView> matches(List<Criterion> criteria, List<Enterprise> enterprises, String zone, LocalDate today) {
		return matches(criteria, () -> enterprises, zone, today);
	}

	/** A criterion made ready: what it says of one enterprise. */
	@FunctionalInterface
	private interface Check {

		CriterionResult apply(Enterprise e);

	}

	/**
	 * The data the criteria of one matching read, each fetched once for all the
	 * enterprises: the zone-wide figures being fetched, the land data when a criterion
	 * first asks for it.
	 */
	private final class Sources {

		private final List<Enterprise> enterprises;

		private final Map<String, CompletableFuture<Map<String, Figures>>> figures;

		private Map<String, EnterpriseLand.Facts> land;

		Sources(List<Enterprise> enterprises, Map<String, CompletableFuture<Map<String, Figures>>> figures) {
			this.enterprises = enterprises;
			this.figures = figures;
		}

		Map<String, Figures> figures(String key) {
			try {
				return this.figures.get(key).join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
		}

		Map<String, EnterpriseLand.Facts> land() {
			if (this.land == null) {
				this.land = this.enterprises.isEmpty() ? Map.of()
						: PolicyMatcher.this.land.of(this.enterprises.stream().map(Enterprise::creditCode).toList());
			}
			return this.land;
		}

	}

	private Check check(Criterion c, Sources sources, LocalDate today) {
		CriterionKind kind = CriterionKind.valueOf(c.kind());
		String k = kind.name();
		String text = text(c, today);
		switch (kind) {
			case ABOVE_SCALE: {
				CriterionResult below = new CriterionResult(k, text, false, "规下");
				return (e) -> e.aboveScale()
						? new CriterionResult(k, text, true,
								"规上（" + ((e.aboveScaleSince() != null) ? e.aboveScaleSince() + "起" : "在库") + "）")
						: below;
			}
			case FLAG: {
				CriterionResult none = new CriterionResult(k, text, false, "无资质认定");
				return (e) -> e.flags().isEmpty() ? none : new CriterionResult(k, text, e.flags().contains(c.flag()),
						String.join("、", e.flags().stream().map((f) -> FLAG_NAMES.getOrDefault(f, f)).toList()));
			}
			case INDUSTRY: {
				CriterionResult none = new CriterionResult(k, text, false, "未登记行业");
				return (e) -> {
					String industry = e.industryCode();
					if (industry == null) {
						return none;
					}
					return new CriterionResult(k, text, c.industries().stream().anyMatch(industry::startsWith),
							industry + ((e.industryName() != null) ? " " + e.industryName() : ""));
				};
			}
			case INDICATOR_GROWTH:
			case INDICATOR_AMOUNT: {
				Indicator indicator = Indicator.of(c.indicator());
				int year = yearOf(c, today);
				Map<String, Figures> figures = sources.figures(indicatorKey(indicator, year));
				CriterionResult none = new CriterionResult(k, text, false, "无" + year + "年" + indicator.nameZh + "数据");
				boolean amount = kind == CriterionKind.INDICATOR_AMOUNT;
				return (e) -> {
					Figures f = figures.get(e.creditCode());
					if (f == null || f.current() == null) {
						return none;
					}
					String period = year + "年1-" + f.lastMonth() + "月" + indicator.nameZh + money(f.current())
							+ indicator.unit;
					if (amount) {
						return new CriterionResult(k, text, f.current().compareTo(c.min()) >= 0, period);
					}
					if (f.base() == null || f.base().signum() <= 0) {
						return new CriterionResult(k, text, false, period + "，无上年同期数据");
					}
					BigDecimal growth = f.sameCurrent()
						.subtract(f.base())
						.multiply(BigDecimal.valueOf(100))
						.divide(f.base(), 10, RoundingMode.HALF_UP);
					BigDecimal shown = growth.setScale(2, RoundingMode.HALF_UP);
					return new CriterionResult(
							k, text, growth.compareTo(c.minPct()) >= 0, period
									+ "，上年同期" + money(f.base()) + indicator.unit + "，同比" + ((shown.signum() >= 0)
											? "增长" + shown.toPlainString() : "下降" + shown.negate().toPlainString())
									+ "%");
				};
			}
			case SERVICE: {
				Map<String, Figures> figures = sources.figures(serviceKey(c, today));
				int year = yearOf(c, today);
				return switch (Kinds.ServiceMeasure.valueOf(c.measure())) {
					case HIRES -> (e) -> {
						long n = count(figures, e);
						return new CriterionResult(k, text, n >= c.min().longValue(), year + "年报告招工" + n + "人");
					};
					case NO_OVERDUE_BRIDGE -> {
						CriterionResult clean = new CriterionResult(k, text, true, "无逾期过桥资金");
						yield (e) -> {
							long n = count(figures, e);
							return (n == 0) ? clean : new CriterionResult(k, text, false, "逾期未还过桥资金" + n + "笔");
						};
					}
					case AGENCY_FINISHED -> (e) -> {
						long n = count(figures, e);
						return new CriterionResult(k, text, n >= c.min().longValue(), year + "年代办办结" + n + "件");
					};
				};
			}
			case LAND: {
				Map<String, EnterpriseLand.Facts> land = sources.land();
				return switch (Kinds.LandMeasure.valueOf(c.measure())) {
					case PER_MU_CLASS -> {
						CriterionResult none = new CriterionResult(k, text, false, "无已定级的亩均效益评价结果");
						yield (e) -> {
							EnterpriseLand.Facts l = land.get(e.creditCode());
							if (l == null || l.perMuClass() == null) {
								return none;
							}
							return new CriterionResult(k, text, c.classes().contains(l.perMuClass()), l.perMuYear()
									+ "年度亩均效益评价" + l.perMuClass() + "类" + (l.perMuGraded() ? "" : "（未参评，按B类）"));
						};
					}
					case LAND_AREA -> {
						CriterionResult none = new CriterionResult(k, text, c.min().signum() <= 0, "未持有土地（0亩）");
						yield (e) -> {
							EnterpriseLand.Facts l = land.get(e.creditCode());
							if (l == null || l.parcels() == 0) {
								return none;
							}
							return new CriterionResult(k, text, l.landMu().compareTo(c.min()) >= 0,
									"持有土地" + money(l.landMu()) + "亩（" + l.parcels() + "宗地块）");
						};
					}
				};
			}
			default: {
				CriterionResult manual = new CriterionResult(k, text, null, "需人工核验");
				return (e) -> manual;
			}
		}
	}

	/** A services measure's count for one enterprise (none: 0). */
	private static long count(Map<String, Figures> figures, Enterprise e) {
		Figures f = figures.get(e.creditCode());
		return (f != null) ? f.current().longValue() : 0;
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

	private static String indicatorKey(Indicator indicator, int year) {
		return indicator.column + "/" + year;
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

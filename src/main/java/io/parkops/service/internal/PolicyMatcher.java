package io.parkops.service.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import io.parkops.platform.Numbers;
import io.parkops.service.internal.Kinds.CriterionKind;
import io.parkops.service.internal.Kinds.Indicator;
import io.parkops.service.internal.ServiceCommands.Criterion;
import io.parkops.service.internal.ServiceViews.CriterionResult;
import io.parkops.service.internal.ServiceViews.MatchView;
import jakarta.annotation.PreDestroy;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 政策找企业: checks every criterion of a policy against the data the system holds for each
 * enterprise — 规上, flags, industry from the registry; an indicator's 1–N cumulative
 * figure and its same-month growth from the monthly figures — and says, criterion by
 * criterion, whether it is met and the figure behind it, in the caller's language
 * (message keys {@code service.crit.*}, figures through the platform's {@link Numbers}).
 * MANUAL criteria are listed as to be checked by hand and do not decide
 * {@code qualifies}.
 */
@Component
class PolicyMatcher {

	private final EconomyStatistics economy;

	private final EnterpriseLand land;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Numbers num;

	/** Fetches a matching's zone-wide figures while the enterprises are read. */
	private final ExecutorService fetching = Executors.newFixedThreadPool(2, (r) -> {
		Thread t = new Thread(r, "policy-matching");
		t.setDaemon(true);
		return t;
	});

	PolicyMatcher(EconomyStatistics economy, EnterpriseLand land, JdbcClient jdbc, MessageSource messages,
			Numbers num) {
		this.economy = economy;
		this.land = land;
		this.jdbc = jdbc;
		this.messages = messages;
		this.num = num;
	}

	@PreDestroy
	void stop() {
		this.fetching.shutdownNow();
	}

	/** The year an indicator criterion looks at: its own, or last year. */
	static int yearOf(Criterion c, LocalDate today) {
		return (c.year() != null) ? c.year() : today.getYear() - 1;
	}

	/** The sentences criteria read as in a language (their own text if they have one). */
	List<String> texts(List<Criterion> criteria, LocalDate today, Locale locale) {
		Sentences say = new Sentences(locale);
		return criteria.stream().map((c) -> text(c, today, say)).toList();
	}

	private String text(Criterion c, LocalDate today, Sentences say) {
		if (c.text() != null && !c.text().isBlank()) {
			return c.text();
		}
		CriterionKind kind = CriterionKind.valueOf(c.kind());
		return switch (kind) {
			case ABOVE_SCALE -> say.say("service.crit.aboveScale");
			case FLAG -> say.flag(c.flag());
			case INDUSTRY -> say.say("service.crit.industry", say.list(c.industries()));
			case INDICATOR_GROWTH ->
				say.say("service.crit.growth", yearOf(c, today), say.indicator(c.indicator()), exact(c.minPct()));
			case INDICATOR_AMOUNT -> say.say("service.crit.amount", yearOf(c, today), say.indicator(c.indicator()),
					exact(c.min()), say.unit(c.indicator()));
			case SERVICE -> switch (Kinds.ServiceMeasure.valueOf(c.measure())) {
				case HIRES -> say.say("service.crit.hires", yearOf(c, today), c.min().longValue());
				case NO_OVERDUE_BRIDGE -> say.say("service.crit.noOverdueBridge");
				case AGENCY_FINISHED -> say.say("service.crit.agency", yearOf(c, today), c.min().longValue());
			};
			case LAND -> switch (Kinds.LandMeasure.valueOf(c.measure())) {
				case PER_MU_CLASS -> say.say("service.crit.perMuClass", say.list(c.classes()));
				case LAND_AREA -> say.say("service.crit.landArea", exact(c.min()));
			};
			case MANUAL -> "";
		};
	}

	/**
	 * A threshold as written: thousands separators, its own decimals without trailing
	 * zeros (10, 2,000, 55.75).
	 */
	private String exact(BigDecimal v) {
		if (v == null) {
			return "";
		}
		return this.num.format(v, Math.max(0, v.stripTrailingZeros().scale()));
	}

	/**
	 * The enterprises of a zone (those not moved out), each checked against every
	 * criterion, in the language of {@code locale}.
	 */
	List<MatchView> matches(List<Criterion> criteria, Supplier<List<Enterprise>> enterprises, String zone,
			LocalDate today, Locale locale) {
		return matchesAll(List.of(criteria), enterprises, zone, today, locale).get(0);
	}

	/**
	 * Several policies' criteria checked against the same enterprises (those not moved
	 * out), one list of matches per policy, in the order given. Each kind of data is
	 * fetched once for all the policies and enterprises — one query per indicator and
	 * year, per services measure and year, and one for the land data — and each criterion
	 * is made ready once (its sentence, its data), then applied to every enterprise in
	 * memory. The zone-wide figures are fetched on the matcher's own threads while the
	 * enterprises and their land data are read.
	 */
	List<List<MatchView>> matchesAll(List<List<Criterion>> policies, Supplier<List<Enterprise>> enterprises,
			String zone, LocalDate today, Locale locale) {
		Map<String, CompletableFuture<Map<String, Figures>>> zoneFigures = new HashMap<>();
		for (List<Criterion> criteria : policies) {
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
		}
		List<Enterprise> present = enterprises.get()
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		Sources sources = new Sources(present, zoneFigures);
		Sentences say = new Sentences(locale);
		List<List<MatchView>> all = new ArrayList<>(policies.size());
		for (List<Criterion> criteria : policies) {
			List<Check> checks = criteria.stream().map((c) -> check(c, sources, today, say)).toList();
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
			result.sort((a, b) -> (a.qualifies() != b.qualifies()) ? (a.qualifies() ? -1 : 1)
					: a.name().compareTo(b.name()));
			all.add(result);
		}
		return all;
	}

	/** A criterion made ready: what it says of one enterprise. */
	@FunctionalInterface
	private interface Check {

		CriterionResult apply(Enterprise e);

	}

	/**
	 * The sentences of one matching in one language: each message read once and kept as
	 * its {@link MessageFormat} (a matching writes tens of thousands of them; used on one
	 * thread).
	 */
	private final class Sentences {

		private final Locale locale;

		private final Map<String, MessageFormat> formats = new HashMap<>();

		private final Map<String, String> names = new HashMap<>();

		Sentences(Locale locale) {
			this.locale = locale;
		}

		String say(String key, Object... args) {
			MessageFormat format = this.formats.computeIfAbsent(key,
					(k) -> new MessageFormat(PolicyMatcher.this.messages.getMessage(k, null, this.locale),
							this.locale));
			return format.format(args);
		}

		/** A name (a message without arguments, as pages show it), read once. */
		String name(String key) {
			return this.names.computeIfAbsent(key, (k) -> PolicyMatcher.this.messages.getMessage(k, null, this.locale));
		}

		String flag(String flag) {
			return name("service.flag." + flag);
		}

		String indicator(String code) {
			return name("service.indicator." + Indicator.of(code).name());
		}

		/** The economy module's unit of the indicator. */
		String unit(String code) {
			return name("economy.unit." + Indicator.of(code).column);
		}

		String list(List<String> items) {
			return String.join(name("service.sep.list"), items);
		}

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

	private Check check(Criterion c, Sources sources, LocalDate today, Sentences say) {
		CriterionKind kind = CriterionKind.valueOf(c.kind());
		String k = kind.name();
		String text = text(c, today, say);
		switch (kind) {
			case ABOVE_SCALE: {
				CriterionResult below = new CriterionResult(k, text, false, say.say("service.crit.v.belowScale"));
				CriterionResult listed = new CriterionResult(k, text, true, say.say("service.crit.v.aboveScale"));
				return (e) -> !e.aboveScale() ? below : (e.aboveScaleSince() == null) ? listed : new CriterionResult(k,
						text, true, say.say("service.crit.v.aboveScaleSince", e.aboveScaleSince().toString()));
			}
			case FLAG: {
				CriterionResult none = new CriterionResult(k, text, false, say.say("service.crit.v.noFlag"));
				return (e) -> e.flags().isEmpty() ? none : new CriterionResult(k, text, e.flags().contains(c.flag()),
						say.list(e.flags().stream().map(say::flag).toList()));
			}
			case INDUSTRY: {
				CriterionResult none = new CriterionResult(k, text, false, say.say("service.crit.v.noIndustry"));
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
				String name = say.indicator(c.indicator());
				String unit = say.unit(c.indicator());
				CriterionResult none = new CriterionResult(k, text, false,
						say.say("service.crit.v.noFigures", year, name));
				boolean amount = kind == CriterionKind.INDICATOR_AMOUNT;
				return (e) -> {
					Figures f = figures.get(e.creditCode());
					if (f == null || f.current() == null) {
						return none;
					}
					String period = say.say("service.crit.v.figure", year, f.lastMonth(), name,
							this.num.format(f.current(), 2), unit);
					if (amount) {
						return new CriterionResult(k, text, f.current().compareTo(c.min()) >= 0, period);
					}
					if (f.base() == null || f.base().signum() <= 0) {
						return new CriterionResult(k, text, false, say.say("service.crit.v.noBase", period));
					}
					BigDecimal growth = f.sameCurrent()
						.subtract(f.base())
						.multiply(BigDecimal.valueOf(100))
						.divide(f.base(), 10, RoundingMode.HALF_UP);
					BigDecimal shown = growth.setScale(2, RoundingMode.HALF_UP);
					return new CriterionResult(k, text, growth.compareTo(c.minPct()) >= 0,
							say.say((shown.signum() >= 0) ? "service.crit.v.up" : "service.crit.v.down", period,
									this.num.format(f.base(), 2), unit, this.num.format(shown.abs(), 2)));
				};
			}
			case SERVICE: {
				Map<String, Figures> figures = sources.figures(serviceKey(c, today));
				int year = yearOf(c, today);
				return switch (Kinds.ServiceMeasure.valueOf(c.measure())) {
					case HIRES -> (e) -> {
						long n = count(figures, e);
						return new CriterionResult(k, text, n >= c.min().longValue(),
								say.say("service.crit.v.hires", year, n));
					};
					case NO_OVERDUE_BRIDGE -> {
						CriterionResult clean = new CriterionResult(k, text, true, say.say("service.crit.v.noOverdue"));
						yield (e) -> {
							long n = count(figures, e);
							return (n == 0) ? clean
									: new CriterionResult(k, text, false, say.say("service.crit.v.overdueBridge", n));
						};
					}
					case AGENCY_FINISHED -> (e) -> {
						long n = count(figures, e);
						return new CriterionResult(k, text, n >= c.min().longValue(),
								say.say("service.crit.v.agency", year, n));
					};
				};
			}
			case LAND: {
				Map<String, EnterpriseLand.Facts> land = sources.land();
				return switch (Kinds.LandMeasure.valueOf(c.measure())) {
					case PER_MU_CLASS -> {
						CriterionResult none = new CriterionResult(k, text, false, say.say("service.crit.v.noPerMu"));
						yield (e) -> {
							EnterpriseLand.Facts l = land.get(e.creditCode());
							if (l == null || l.perMuClass() == null) {
								return none;
							}
							return new CriterionResult(k, text, c.classes().contains(l.perMuClass()),
									say.say(l.perMuGraded() ? "service.crit.v.perMu" : "service.crit.v.perMuUngraded",
											l.perMuYear(), l.perMuClass()));
						};
					}
					case LAND_AREA -> {
						CriterionResult none = new CriterionResult(k, text, c.min().signum() <= 0,
								say.say("service.crit.v.noLand"));
						yield (e) -> {
							EnterpriseLand.Facts l = land.get(e.creditCode());
							if (l == null || l.parcels() == 0) {
								return none;
							}
							return new CriterionResult(k, text, l.landMu().compareTo(c.min()) >= 0,
									say.say("service.crit.v.land", this.num.format(l.landMu(), 2), l.parcels()));
						};
					}
				};
			}
			default: {
				CriterionResult manual = new CriterionResult(k, text, null, say.say("service.crit.v.manual"));
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

}

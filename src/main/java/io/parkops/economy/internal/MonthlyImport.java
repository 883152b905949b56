package io.parkops.economy.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.economy.Indicator;
import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.excel.ExcelRows;
import io.parkops.platform.excel.ImportError;
import io.parkops.platform.excel.ImportFailedException;
import io.parkops.platform.excel.ImportJobs;
import io.parkops.platform.excel.Progress;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One Excel workbook for a whole month, the way statistics offices exchange data: a row
 * per enterprise with its 本月 figures and, optionally, its 上年同月 figures. All rows or none:
 * every problem is reported with its row and column, and nothing is stored.
 */
@Service
public class MonthlyImport implements ImportJobs.Handler {

	static final String IMPORT = "economy:monthly:import";

	private static final Indicator[] INDICATORS = Indicator.values();

	/** credit code, name, then 本月 and 上年同月 of each indicator. */
	static final int COLUMNS = 2 + INDICATORS.length * 2;

	/** More problems than this are not listed one by one. */
	static final int MAX_ERRORS = 1000;

	private final MonthlyFiguresStore store;

	private final RevisionStore revisionStore;

	private final EnterpriseRegistry registry;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final EconomyProperties properties;

	MonthlyImport(MonthlyFiguresStore store, RevisionStore revisionStore, EnterpriseRegistry registry,
			ZoneDirectory zones, AuditTrail audit, MessageSource messages, EconomyProperties properties) {
		this.store = store;
		this.revisionStore = revisionStore;
		this.registry = registry;
		this.zones = zones;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
	}

	/** Column headers in the user's language. */
	public List<String> headers() {
		List<String> headers = new ArrayList<>(COLUMNS);
		headers.add(text("economy.import.creditCode"));
		headers.add(text("economy.import.name"));
		for (Indicator i : INDICATORS) {
			headers.add(text("economy.import.current", text("economy.indicator." + i.code()), unit(i)));
		}
		for (Indicator i : INDICATORS) {
			headers.add(text("economy.import.prior", text("economy.indicator." + i.code()), unit(i)));
		}
		return headers;
	}

	private String unit(Indicator i) {
		return text("economy.unit." + i.code());
	}

	/**
	 * The template of a month: with a zone, one row per enterprise of its 规上 set (credit
	 * code and name filled in); without, one example row.
	 */
	public void writeTemplate(YearMonth month, String zoneCode, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		if (zoneCode != null) {
			CurrentUser.get().checkZone(zoneCode);
			this.zones.require(zoneCode);
			for (EnterpriseRegistry.SetMember e : this.registry.aboveScaleMembers(zoneCode, month)) {
				rows.add(List.of(e.creditCode(), e.name()));
			}
		}
		if (rows.isEmpty()) {
			rows.add(List.of("91360727MA35LGHK7K", "示例电子科技有限公司", 12345.6, 2890.1, 11876.0, 860.5, 402.3, 95.4, 356,
					1200, 11020.0, 2655.0, 10980.2, 790.1, 388.0, 90.2, 340, 1010));
		}
		ExcelRows.write(out, month.toString(), headers(), rows);
	}

	/** One checked row: the enterprise and its figures. */
	private record Row(int rowNumber, Known enterprise, Map<Indicator, BigDecimal> values,
			Map<Indicator, BigDecimal> prior) {
	}

	/** An enterprise the rows may name, with its zone. */
	private record Known(String creditCode, String zoneCode) {
	}

	/**
	 * Imports the month; returns the number of enterprises stored.
	 * @param zoneCode the zone whose enterprises the rows may name, or null for every
	 * zone the user may see
	 * @throws ImportFailedException with every problem found, nothing stored
	 */
	@Override
	public String kind() {
		return "economy";
	}

	/**
	 * Runs a queued import job: parameters {@code month} and, optionally, {@code zone}.
	 */
	@Override
	public int run(ImportJobs.ImportFile file, Map<String, String> params, Progress progress) {
		return importWorkbook(YearMonth.parse(params.get("month")), params.get("zone"), file, progress);
	}

	/** The job parameters of {@link #run}. */
	public static Map<String, String> params(YearMonth month, String zoneCode) {
		Map<String, String> params = new HashMap<>();
		params.put("month", month.toString());
		if (zoneCode != null) {
			params.put("zone", zoneCode);
		}
		return params;
	}

	@Transactional
	public int importWorkbook(YearMonth month, String zoneCode, ImportJobs.ImportFile file, Progress progress) {
		InputStream in = file.open();
		CurrentUser me = CurrentUser.get();
		if (!me.has(IMPORT) || me.isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
		if (month.isAfter(Months.current())) {
			throw new ImportFailedException(
					List.of(new ImportError(0, "", text("error.economy.futureMonth", month.toString()))));
		}
		Map<String, Known> enterprises = visibleEnterprises(me, zoneCode);
		List<String> headers = headers();
		List<ImportError> errors = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int[] count = new int[1];
		ExcelRows.read(in, COLUMNS, (sheetRow) -> {
			Row row = check(sheetRow, enterprises, seen, headers, errors);
			if (row != null && errors.isEmpty()) {
				rows.add(row);
			}
			if (++count[0] % 500 == 0) {
				progress.done(count[0]);
			}
		});
		if (count[0] == 0) {
			throw new ImportFailedException(List.of(new ImportError(0, "", text("error.import.empty"))));
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			throw new ImportFailedException(List.of(new ImportError(0, "", text("error.import.empty"))));
		}
		if (!errors.isEmpty()) {
			if (errors.size() > MAX_ERRORS) {
				int more = errors.size() - MAX_ERRORS;
				errors.subList(MAX_ERRORS, errors.size()).clear();
				errors.add(new ImportError(0, "", text("error.economy.moreErrors", more)));
			}
			throw new ImportFailedException(errors);
		}
		progress.total(count[0] * 2);
		progress.done(count[0]);
		List<AuditTrail.Change> changes = store(month, rows, me.username());
		progress.done(count[0] * 2);
		changes.add(new AuditTrail.Change("IMPORT", "economy_monthly", month.toString(), null,
				Map.of("file", file.name(), "sha256", file.sha256(), "rows", rows.size(), "month", month.toString())));
		this.audit.recordChanges(changes);
		return rows.size();
	}

	private Map<String, Known> visibleEnterprises(CurrentUser me, String zoneCode) {
		List<String> zoneCodes;
		if (zoneCode != null) {
			me.checkZone(zoneCode);
			this.zones.require(zoneCode);
			zoneCodes = List.of(zoneCode);
		}
		else {
			zoneCodes = this.zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList();
		}
		Map<String, Known> enterprises = new HashMap<>();
		for (String z : zoneCodes) {
			this.registry.membersOf(z).forEach((e) -> enterprises.put(e.creditCode(), new Known(e.creditCode(), z)));
		}
		return enterprises;
	}

	private Row check(ExcelRows.SheetRow sheetRow, Map<String, Known> enterprises, Map<String, Integer> seen,
			List<String> headers, List<ImportError> errors) {
		int r = sheetRow.rowNumber();
		if (blankFigures(sheetRow)) {
			// a row of the template left blank: the enterprise has not reported yet
			return null;
		}
		int before = errors.size();
		String code = CreditCode.normalize(sheetRow.cell(0));
		Known enterprise = null;
		if (code == null || code.isEmpty()) {
			errors.add(new ImportError(r, headers.get(0), text("error.required")));
		}
		else if (!CreditCode.isValid(code)) {
			errors.add(new ImportError(r, headers.get(0), text("error.creditCode.invalid", code)));
		}
		else {
			enterprise = enterprises.get(code);
			if (enterprise == null) {
				errors.add(new ImportError(r, headers.get(0), text("error.economy.unknownEnterprise", code)));
			}
			Integer first = seen.putIfAbsent(code, r);
			if (first != null) {
				errors.add(new ImportError(r, headers.get(0), text("error.import.duplicateInFile", first)));
			}
		}
		Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
		Map<Indicator, BigDecimal> prior = new EnumMap<>(Indicator.class);
		for (int k = 0; k < INDICATORS.length; k++) {
			number(sheetRow, 2 + k, INDICATORS[k], values, headers, errors);
			number(sheetRow, 2 + INDICATORS.length + k, INDICATORS[k], prior, headers, errors);
		}
		if (values.isEmpty() && errors.size() == before) {
			errors.add(new ImportError(r, headers.get(2), text("error.economy.noFigures")));
		}
		return (errors.size() == before) ? new Row(r, enterprise, values, prior) : null;
	}

	private static boolean blankFigures(ExcelRows.SheetRow row) {
		for (int column = 2; column < 2 + 2 * INDICATORS.length; column++) {
			if (!row.cell(column).isBlank()) {
				return false;
			}
		}
		return true;
	}

	private void number(ExcelRows.SheetRow row, int column, Indicator indicator, Map<Indicator, BigDecimal> into,
			List<String> headers, List<ImportError> errors) {
		String text = row.cell(column).replace(",", "").replace("，", "");
		if (text.isEmpty()) {
			return;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			errors.add(new ImportError(row.rowNumber(), headers.get(column), text("error.economy.notANumber", text)));
			return;
		}
		Optional<String> problem = MonthlyReporting.check(indicator, value);
		if (problem.isPresent()) {
			errors.add(new ImportError(row.rowNumber(), headers.get(column), text(problem.get(), text)));
			return;
		}
		into.put(indicator, value.setScale(2, java.math.RoundingMode.HALF_UP));
	}

	/**
	 * Stores the rows; answers one audit change per enterprise-month created or
	 * corrected.
	 */
	private List<AuditTrail.Change> store(YearMonth month, List<Row> rows, String by) {
		List<String> codes = rows.stream().map((r) -> r.enterprise().creditCode()).toList();
		Map<String, MonthlyFigures> existing = this.store.findAll(codes, month);
		Map<String, MonthlyFigures> storedPrior = this.store.findAll(codes, month.minusYears(1));
		Map<String, Map<Indicator, BigDecimal>> usual = this.store.usualLevels(codes, month);
		OffsetDateTime now = OffsetDateTime.now();
		List<MonthlyFigures> figures = new ArrayList<>(rows.size());
		List<MonthlyFigures> previous = new ArrayList<>();
		List<AuditTrail.Change> changes = new ArrayList<>(rows.size() + 1);
		for (Row row : rows) {
			String code = row.enterprise().creditCode();
			MonthlyFigures before = existing.get(code);
			MonthlyFigures prior = storedPrior.get(code);
			List<MonthlyFigures.Anomaly> anomalies = MonthlyReporting.anomalies(row.values(), row.prior(),
					usual.get(code), (prior != null) ? prior.values() : Map.of(), this.properties);
			figures.add(new MonthlyFigures(code, month, row.enterprise().zoneCode(), row.values(), row.prior(),
					anomalies, null, (before != null) ? before.revision() + 1 : 1,
					(before != null) ? before.submittedBy() : by, (before != null) ? before.submittedAt() : now, by,
					now));
			if (before != null) {
				previous.add(before);
			}
			MonthlyFigures saved = figures.get(figures.size() - 1);
			changes.add(new AuditTrail.Change((before != null) ? "IMPORT_CORRECT" : "IMPORT_CREATE", "economy_monthly",
					code + "/" + month, (before != null) ? MonthlyReporting.auditView(before) : null,
					MonthlyReporting.auditView(saved)));
		}
		this.revisionStore.saveRevisions(previous, by, text("economy.import.revisionReason"));
		this.store.save(figures);
		return changes;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}

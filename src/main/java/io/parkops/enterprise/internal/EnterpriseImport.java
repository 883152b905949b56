package io.parkops.enterprise.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.ParkOpsException.FieldProblem;
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
 * Excel import and export of the registry. An import is all-or-nothing: every row is
 * checked first, and one bad row stores nothing and reports every problem with its row
 * and column.
 */
@Service
public class EnterpriseImport implements ImportJobs.Handler {

	/**
	 * The template's columns, in order; the first two are required. Columns added later
	 * (e-mail, ownership type) come last, so a workbook of an older template, which has
	 * fewer columns, still imports: its missing cells read as empty.
	 */
	static final List<String> COLUMNS = List.of("creditCode", "name", "areaCode", "industryCode", "aboveScale",
			"aboveScaleSince", "status", "legalRepresentative", "contactName", "contactPhone", "address", "tags",
			"email", "ownershipType");

	private final EnterpriseService enterprises;

	private final AuditTrail audit;

	private final MessageSource messages;

	EnterpriseImport(EnterpriseService enterprises, AuditTrail audit, MessageSource messages) {
		this.enterprises = enterprises;
		this.audit = audit;
		this.messages = messages;
	}

	/** Column headers in the user's language. */
	public List<String> headers() {
		return COLUMNS.stream()
			.map((c) -> this.messages.getMessage("enterprise.field." + c, null, c, LocaleContextHolder.getLocale()))
			.toList();
	}

	public void writeTemplate(OutputStream out) {
		List<List<?>> sample = List.of(List.of("91360727MA35LGHK7K", "示例电子科技有限公司", "east", "C39", "是", "2021-01", "投产",
				"张三", "李四", "13800000000", "工业大道1号", "电子信息、专精特新", "lisi@example.com", "民营"));
		ExcelRows.write(out, "enterprises", headers(), new ArrayList<>(sample));
	}

	@Override
	public String kind() {
		return "enterprise";
	}

	/** Runs a queued import job: the zone is its {@code zone} parameter. */
	@Override
	public int run(ImportJobs.ImportFile file, Map<String, String> params, Progress progress) {
		return importWorkbook(params.get("zone"), file, progress);
	}

	/**
	 * Imports the workbook into the zone; returns the number of enterprises registered.
	 * Every enterprise created is one audit record, and the file one more (name, SHA-256,
	 * rows).
	 * @param progress told the number of rows processed so far
	 * @throws ImportFailedException with every problem found, nothing stored
	 */
	@Transactional
	public int importWorkbook(String zoneCode, ImportJobs.ImportFile file, Progress progress) {
		InputStream in = file.open();
		CurrentUser me = CurrentUser.get();
		me.checkZone(zoneCode);
		if (!me.has("enterprise:enterprise:import")) {
			throw new io.parkops.platform.ForbiddenException("error.forbidden");
		}
		List<ExcelRows.SheetRow> rows = ExcelRows.readAll(in, COLUMNS.size());
		if (rows.isEmpty()) {
			throw new ImportFailedException(List.of(new ImportError(0, "", "error.import.empty")));
		}
		progress.total(rows.size() * 2);
		List<String> headers = headers();
		Map<String, EnterpriseStore.Division> divisions = this.enterprises.divisionIndex();
		List<ImportError> errors = new ArrayList<>();
		List<Enterprise> candidates = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int processed = 0;
		for (ExcelRows.SheetRow row : rows) {
			List<FieldProblem> problems = new ArrayList<>();
			Boolean above = parseYesNo(row.cell(4), problems);
			Enterprise candidate = this.enterprises.validateNew(
					new EnterpriseCommands.Register(row.cell(0), row.cell(1), zoneCode, row.cell(2), row.cell(3), above,
							row.cell(5), row.cell(6), row.cell(7), row.cell(8), row.cell(9), Inputs.trim(row.cell(12)),
							row.cell(10), null, null, EnterpriseStore.splitTags(row.cell(11)), row.cell(13)),
					problems, divisions);
			if (candidate.creditCode() != null && !candidate.creditCode().isEmpty()) {
				Integer first = seen.putIfAbsent(candidate.creditCode(), row.rowNumber());
				if (first != null) {
					problems.add(new FieldProblem("creditCode", "error.import.duplicateInFile", first));
				}
			}
			for (FieldProblem p : problems) {
				int column = COLUMNS.indexOf(p.field());
				errors
					.add(new ImportError(row.rowNumber(), (column >= 0) ? headers.get(column) : p.field(), this.messages
						.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())));
			}
			candidates.add(candidate);
			progress.done(++processed);
		}
		Set<String> existing = new HashSet<>(this.enterprises.existing(
				candidates.stream().map(Enterprise::creditCode).filter((c) -> c != null && !c.isEmpty()).toList()));
		for (int i = 0; i < candidates.size(); i++) {
			if (existing.contains(candidates.get(i).creditCode())) {
				errors.add(new ImportError(rows.get(i).rowNumber(), headers.get(0),
						this.messages.getMessage("error.enterprise.duplicate",
								new Object[] { candidates.get(i).creditCode() }, LocaleContextHolder.getLocale())));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingInt(ImportError::row));
			throw new ImportFailedException(errors);
		}
		int done = 0;
		List<AuditTrail.Change> changes = new ArrayList<>(candidates.size() + 1);
		for (Enterprise candidate : candidates) {
			Enterprise saved = this.enterprises.insert(candidate);
			changes.add(new AuditTrail.Change("IMPORT_CREATE", "enterprise", saved.creditCode(), null, saved));
			done++;
			progress.done(rows.size() + done);
		}
		changes.add(new AuditTrail.Change("IMPORT", "enterprise", zoneCode, null,
				Map.of("file", file.name(), "sha256", file.sha256(), "rows", candidates.size(), "zone", zoneCode)));
		this.audit.recordChanges(changes);
		return candidates.size();
	}

	private static Boolean parseYesNo(String text, List<FieldProblem> problems) {
		String value = text.trim();
		if (value.isEmpty() || value.equals("否") || value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false")
				|| value.equals("0")) {
			return false;
		}
		if (value.equals("是") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true") || value.equals("1")) {
			return true;
		}
		problems.add(new FieldProblem("aboveScale", "error.yesNo", value));
		return false;
	}

	/**
	 * The enterprises matching the query as a workbook, with the list's columns. The
	 * query is checked (zone in the caller's scope) before anything is written, so a
	 * refusal answers as an error page or problem, not a broken download.
	 */
	public byte[] export(EnterpriseQuery query) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		export(query, out);
		return out.toByteArray();
	}

	private void export(EnterpriseQuery query, OutputStream out) {
		List<String> headers = new ArrayList<>(headers());
		headers.add(2, this.messages.getMessage("enterprise.field.zoneCode", null, LocaleContextHolder.getLocale()));
		headers.add(5,
				this.messages.getMessage("enterprise.field.industryName", null, LocaleContextHolder.getLocale()));
		List<List<?>> rows = new ArrayList<>();
		this.enterprises.each(query,
				(e) -> rows.add(java.util.Arrays.asList(e.creditCode(), e.name(), e.zoneCode(), e.areaCode(),
						e.industryCode(), e.industryName(), e.aboveScale() ? "是" : "否",
						(e.aboveScaleSince() != null) ? e.aboveScaleSince().toString() : null,
						this.messages.getMessage("enterprise.status." + e.status().name(), null,
								LocaleContextHolder.getLocale()),
						e.legalRepresentative(), e.contactName(), e.contactPhone(), e.address(),
						String.join("、", e.tags()), e.email(),
						(e.ownershipType() != null)
								? this.messages.getMessage("enterprise.ownershipType." + e.ownershipType().name(), null,
										LocaleContextHolder.getLocale())
								: null)));
		ExcelRows.write(out, "enterprises", headers, rows);
	}

	static String statusLabel(EnterpriseStatus status) {
		return EnterpriseService.chineseStatus(status);
	}

}

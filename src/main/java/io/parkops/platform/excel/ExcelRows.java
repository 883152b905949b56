package io.parkops.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an .xlsx as text rows and writes simple tabular workbooks,
 * with FastExcel (streaming, so large files stay within a small heap).
 */
public final class ExcelRows {

	/** The most data rows a workbook may have ({@code parkops.excel.max-rows}). */
	private static volatile int maxRows = 100_000;

	/**
	 * How many times its own size a workbook may inflate to
	 * ({@code parkops.excel.max-inflate-ratio}); a zip bomb is refused before it is
	 * parsed.
	 */
	private static volatile int maxInflateRatio = 100;

	private ExcelRows() {
	}

	private static volatile org.springframework.context.MessageSource messages;

	/** Sets the limits and the messages (from the configuration, at start). */
	static void configure(int rows, int inflateRatio, org.springframework.context.MessageSource messageSource) {
		maxRows = rows;
		maxInflateRatio = inflateRatio;
		messages = messageSource;
	}

	/** A message in the user's language, the key where no messages are configured. */
	private static String message(String key, Object... args) {
		org.springframework.context.MessageSource source = messages;
		return (source != null)
				? source.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale())
				: key;
	}

	/**
	 * One data row: its 1-based row number in the sheet and its cells as trimmed text.
	 */
	public record SheetRow(int rowNumber, List<String> cells) {

		public String cell(int index) {
			return (index < this.cells.size()) ? this.cells.get(index) : "";
		}

		public boolean isBlank() {
			return this.cells.stream().allMatch(String::isEmpty);
		}

	}

	/**
	 * Streams the rows after the header row to the consumer; blank rows (template rows
	 * left empty) are skipped. A formula cell gives its cached value; a row with a
	 * formula cell without one is refused, naming the row and column.
	 * @throws ImportFailedException when the file is not a readable .xlsx, inflates
	 * beyond the ratio, has more rows than allowed or holds formulas without a value
	 */
	public static void read(InputStream in, int columns, Consumer<SheetRow> consumer) {
		read(in, columns, consumer, maxRows, maxInflateRatio);
	}

	/** {@link #read(InputStream, int, Consumer)} with explicit limits. */
	static void read(InputStream in, int columns, Consumer<SheetRow> consumer, int rowLimit, int inflateRatio) {
		List<ImportError> formulaErrors = new ArrayList<>();
		try {
			byte[] bytes = in.readAllBytes();
			checkInflation(bytes, inflateRatio, rowLimit);
			try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
				Sheet sheet = workbook.getFirstSheet();
				List<String> names = new ArrayList<>();
				try (Stream<Row> rows = sheet.openStream()) {
					rows.forEach((row) -> {
						if (row.getRowNum() <= 1) {
							for (int i = 0; i < columns; i++) {
								String name = text(row, i, null);
								names.add((name != null && !name.isEmpty()) ? name : columnLetter(i));
							}
							return;
						}
						if (row.getRowNum() - 1 > rowLimit) {
							throw new ImportFailedException(List.of(new ImportError(row.getRowNum(), "",
									message("error.import.tooManyRows", rowLimit))));
						}
						List<String> cells = new ArrayList<>(columns);
						List<Integer> unevaluated = new ArrayList<>();
						for (int i = 0; i < columns; i++) {
							cells.add(text(row, i, unevaluated));
						}
						SheetRow sheetRow = new SheetRow(row.getRowNum(), cells);
						if (!unevaluated.isEmpty()) {
							unevaluated.forEach((i) -> formulaErrors.add(new ImportError(row.getRowNum(),
									(i < names.size()) ? names.get(i) : columnLetter(i),
									message("error.import.formulaWithoutValue"))));
						}
						else if (!sheetRow.isBlank()) {
							consumer.accept(sheetRow);
						}
					});
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImportFailedException failed) {
				throw failed;
			}
			throw new ImportFailedException(List.of(new ImportError(0, "", "error.import.unreadable")));
		}
		if (!formulaErrors.isEmpty()) {
			throw new ImportFailedException(formulaErrors);
		}
	}

	/**
	 * Inflates every entry once without keeping it, counting: more than {@code ratio}
	 * times the file's size is refused at that point, before anything is parsed.
	 */
	static void checkInflation(byte[] bytes, int ratio, int rowLimit) throws IOException {
		long limit = Math.max(1, (long) bytes.length) * ratio;
		long inflated = 0;
		byte[] buffer = new byte[64 * 1024];
		// ZipFile reads the central directory; the sizes it declares are not trusted, the
		// bytes actually inflated are counted
		java.nio.file.Path file = java.nio.file.Files.createTempFile("parkops-import-", ".xlsx");
		try {
			java.nio.file.Files.write(file, bytes);
			try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
				for (var entries = zip.entries(); entries.hasMoreElements();) {
					try (InputStream entry = zip.getInputStream(entries.nextElement())) {
						int n;
						while ((n = entry.read(buffer)) > 0) {
							inflated += n;
							if (inflated > limit) {
								throw new ImportFailedException(List
									.of(new ImportError(0, "", message("error.import.inflateRatio", ratio, rowLimit))));
							}
						}
					}
				}
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	/** {@code A}, {@code B}, … {@code AA} for a 0-based column. */
	static String columnLetter(int index) {
		StringBuilder letters = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			letters.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return letters.toString();
	}

	/** Reads every data row into memory (for files of modest size). */
	public static List<SheetRow> readAll(InputStream in, int columns) {
		List<SheetRow> rows = new ArrayList<>();
		read(in, columns, rows::add);
		return rows;
	}

	private static String text(Row row, int index, List<Integer> unevaluated) {
		if (index >= row.getCellCount()) {
			return "";
		}
		Cell cell = row.getCell(index);
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.FORMULA || cell.getType() == CellType.ERROR) {
			// the value Excel computed and saved; none (or an error such as #DIV/0!) is
			// refused rather than read as empty
			String cached = (cell.getType() == CellType.FORMULA) ? cell.getRawValue() : null;
			if (cached == null || cached.isBlank()) {
				if (unevaluated != null) {
					unevaluated.add(index);
				}
				return "";
			}
			try {
				return new BigDecimal(cached.trim()).stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException ex) {
				return cached.trim();
			}
		}
		if (cell.getType() == CellType.NUMBER) {
			BigDecimal number = cell.asNumber();
			return number.stripTrailingZeros().toPlainString();
		}
		String raw = cell.getText();
		return (raw != null) ? raw.trim() : "";
	}

	/**
	 * Writes one sheet: a bold header row, then the rows. Values that are numbers are
	 * written as numbers so Excel can sum them.
	 */
	/**
	 * The request attribute holding the number of data rows a download wrote, which the
	 * audit trail records with the export.
	 */
	public static final String EXPORTED_ROWS = "io.parkops.export.rows";

	/**
	 * Notes that the current request wrote this many data rows to a download (for the
	 * audit trail); called by {@link #write} and by exports writing their own workbook.
	 */
	public static void exported(int rows) {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes attrs) {
			Object before = attrs.getRequest().getAttribute(EXPORTED_ROWS);
			attrs.getRequest().setAttribute(EXPORTED_ROWS, ((before instanceof Integer n) ? n : 0) + rows);
		}
	}

	public static void write(OutputStream out, String sheetName, List<String> headers, Iterable<List<?>> rows) {
		try {
			Workbook workbook = new Workbook(out, "ParkOps", "1.0");
			Worksheet sheet = workbook.newWorksheet(sheetName);
			for (int c = 0; c < headers.size(); c++) {
				sheet.value(0, c, headers.get(c));
				sheet.style(0, c).bold().fillColor("DDEBF7").set();
				sheet.width(c, Math.max(12, headers.get(c).length() * 2.2));
			}
			int r = 1;
			for (List<?> row : rows) {
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					if (v == null) {
						continue;
					}
					if (v instanceof Number n) {
						sheet.value(r, c, n);
					}
					else {
						sheet.value(r, c, v.toString());
					}
				}
				r++;
			}
			workbook.finish();
			exported(r - 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

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

	private ExcelRows() {
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
	 * Streams the rows after the header row to the consumer; blank rows are skipped.
	 * @throws ImportFailedException when the file is not a readable .xlsx
	 */
	public static void read(InputStream in, int columns, Consumer<SheetRow> consumer) {
		try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			Sheet sheet = workbook.getFirstSheet();
			try (Stream<Row> rows = sheet.openStream()) {
				rows.forEach((row) -> {
					if (row.getRowNum() <= 1) {
						return;
					}
					List<String> cells = new ArrayList<>(columns);
					for (int i = 0; i < columns; i++) {
						cells.add(text(row, i));
					}
					SheetRow sheetRow = new SheetRow(row.getRowNum(), cells);
					if (!sheetRow.isBlank()) {
						consumer.accept(sheetRow);
					}
				});
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImportFailedException failed) {
				throw failed;
			}
			throw new ImportFailedException(List.of(new ImportError(0, "", "error.import.unreadable")));
		}
	}

	/** Reads every data row into memory (for files of modest size). */
	public static List<SheetRow> readAll(InputStream in, int columns) {
		List<SheetRow> rows = new ArrayList<>();
		read(in, columns, rows::add);
		return rows;
	}

	private static String text(Row row, int index) {
		if (index >= row.getCellCount()) {
			return "";
		}
		Cell cell = row.getCell(index);
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
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

package io.parkops.platform.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an imported workbook may hold: formulas give their saved value or refuse their
 * row, blank template rows are skipped, and workbooks beyond the row limit or the inflate
 * ratio are refused before they are parsed whole.
 */
class ExcelRowsTests {

	@Test
	void aFormulaCellGivesItsSavedValue() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("s");
			sheet.createRow(0).createCell(0).setCellValue("产值");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellFormula("1200+34.5");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		List<ExcelRows.SheetRow> rows = read(out.toByteArray(), 100, 100);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cell(0)).isEqualTo("1234.5");
	}

	@Test
	void aFormulaWithoutASavedValueRefusesItsRowNamingRowAndColumn() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("s");
		sheet.value(0, 0, "代码");
		sheet.value(0, 1, "产值");
		sheet.value(1, 0, "A1");
		sheet.value(1, 1, 10);
		sheet.value(2, 0, "A2");
		sheet.formula(2, 1, "B2*2");
		workbook.finish();
		assertThatThrownBy(() -> read(out.toByteArray(), 100, 100)).isInstanceOfSatisfying(ImportFailedException.class,
				(ex) -> {
					assertThat(ex.errors()).hasSize(1);
					assertThat(ex.errors().get(0).row()).isEqualTo(3);
					assertThat(ex.errors().get(0).column()).isEqualTo("产值");
					assertThat(ex.errors().get(0).message()).containsAnyOf("error.import.formulaWithoutValue",
							"公式单元格没有计算结果");
				});
	}

	@Test
	void blankTemplateRowsAreSkipped() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("s");
		sheet.value(0, 0, "代码");
		sheet.value(1, 0, "A1");
		sheet.value(2, 0, "   ");
		sheet.style(3, 0).bold().set();
		sheet.value(4, 0, "A4");
		workbook.finish();
		assertThat(read(out.toByteArray(), 100, 100)).extracting(ExcelRows.SheetRow::rowNumber).containsExactly(2, 5);
	}

	@Test
	void moreRowsThanTheLimitAreRefusedWithTheLimitInTheMessage() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("s");
		sheet.value(0, 0, "代码");
		for (int r = 1; r <= 11; r++) {
			sheet.value(r, 0, "row" + r);
		}
		workbook.finish();
		assertThat(read(out.toByteArray(), 11, 100)).hasSize(11);
		assertThatThrownBy(() -> read(out.toByteArray(), 10, 100)).isInstanceOfSatisfying(ImportFailedException.class,
				(ex) -> assertThat(ex.errors().get(0).message()).contains("10"));
	}

	@Test
	void aWorkbookInflatingBeyondTheRatioIsRefusedBeforeItIsParsed() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("s").createRow(0).createCell(0).setCellValue("代码");
			workbook.write(plain);
		}
		// the same workbook with 300 MB of zeros in one part: a few hundred KB on disk
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
				ZipOutputStream zip = new ZipOutputStream(bomb)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				in.transferTo(zip);
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 300; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bomb.size()).isLessThan(1_000_000);
		long started = System.nanoTime();
		assertThatThrownBy(() -> read(bomb.toByteArray(), 100, 100)).isInstanceOfSatisfying(ImportFailedException.class,
				(ex) -> assertThat(ex.errors().get(0).message()).contains("100"));
		// refused after inflating about 100 times its size, not 300 MB
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		assertThat(read(plain.toByteArray(), 100, 100)).isEmpty();
	}

	private static List<ExcelRows.SheetRow> read(byte[] bytes, int rows, int ratio) {
		List<ExcelRows.SheetRow> result = new ArrayList<>();
		ExcelRows.read(new ByteArrayInputStream(bytes), 2, result::add, rows, ratio);
		return result;
	}

}

package io.parkops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders Word files to PDF with LibreOffice ({@code soffice}) and reads the pages back
 * with poppler ({@code pdfinfo}, {@code pdftotext}), so that tests check documents as
 * they print. Tests skip (and say so) where LibreOffice or poppler is not installed; CI
 * installs both.
 */
public final class OfficeRendering {

	private OfficeRendering() {
	}

	/** Skips the calling test unless soffice, pdfinfo and pdftotext are on the path. */
	public static void assumeInstalled() {
		boolean installed = onPath("soffice") && onPath("pdfinfo") && onPath("pdftotext");
		if (!installed) {
			System.out.println("*** LibreOffice document tests SKIPPED: soffice or poppler-utils not installed ***");
		}
		Assumptions.assumeTrue(installed, "LibreOffice (soffice) and poppler-utils are not installed");
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	/** A rendered document: the PDF and its pages' text. */
	public record Pdf(Path file, List<String> pages) {

		public String text() {
			return String.join("\n", this.pages);
		}

	}

	/**
	 * Converts the .docx to PDF (in a profile of its own) and extracts each page's text.
	 */
	public static Pdf render(byte[] docx, String name) throws IOException, InterruptedException {
		Path dir = Files.createDirectories(Path.of("target", "office", TestApi.unique(name + "-")));
		Path source = dir.resolve(name + ".docx");
		Files.write(source, docx);
		Path profile = dir.resolve("profile").toAbsolutePath();
		run(dir, "soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf", "--outdir",
				dir.toAbsolutePath().toString(), source.toAbsolutePath().toString());
		Path pdf = dir.resolve(name + ".pdf");
		if (!Files.isRegularFile(pdf)) {
			throw new IllegalStateException("LibreOffice wrote no PDF for " + source);
		}
		String info = run(dir, "pdfinfo", pdf.toAbsolutePath().toString());
		int pages = info.lines()
			.filter((l) -> l.startsWith("Pages:"))
			.map((l) -> Integer.parseInt(l.substring(6).strip()))
			.findFirst()
			.orElseThrow();
		List<String> texts = new ArrayList<>();
		for (int p = 1; p <= pages; p++) {
			texts.add(run(dir, "pdftotext", "-layout", "-f", Integer.toString(p), "-l", Integer.toString(p),
					pdf.toAbsolutePath().toString(), "-"));
		}
		return new Pdf(pdf, texts);
	}

	private static String run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(command[0] + " did not finish within 180 s");
		}
		String text = new String(out, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command[0] + " failed: " + text);
		}
		return text;
	}

}

package io.parkops.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes a report as a Word file in the layout of GB/T 9704-2012 (党政机关公文格式) from a
 * template with poi-tl. The bundled template ({@code report/template.docx}) sets A4, the
 * margins and the fonts; an administrator replaces it by putting a file at
 * {@code parkops.report.template}. The template's tags: {@code {{title}}}; a section
 * {@code {{?blocks}}…{{/blocks}}} holding one paragraph per kind of line,
 * {@code {{?h1}}{{text}}{{/h1}}} (一、 headings), {@code {{?h2}}{{text}}{{/h2}}} (（一）
 * headings) and {@code {{?body}}{{text}}{{/body}}}, each styled as it should print;
 * {@code {{signature}}} and {@code {{date}}}.
 */
@Component
public class ReportDocx {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String BUNDLED = "report/template.docx";

	private static final Logger log = LoggerFactory.getLogger(ReportDocx.class);

	private final ReportProperties properties;

	ReportDocx(ReportProperties properties) {
		this.properties = properties;
	}

	public void write(ReportDocument doc, OutputStream out) throws IOException {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("title", String.join("\n", doc.titleLines()));
		List<Map<String, Object>> blocks = new ArrayList<>();
		for (ReportDocument.Block b : doc.outline()) {
			Map<String, Object> block = new LinkedHashMap<>();
			block.put(switch (b.level()) {
				case H1 -> "h1";
				case H2 -> "h2";
				case BODY -> "body";
			}, Boolean.TRUE);
			block.put("text", b.text());
			blocks.add(block);
		}
		model.put("blocks", blocks);
		model.put("signature", doc.issuer());
		model.put("date", ReportWriting.date(doc.asOf()));
		try (InputStream template = template();
				XWPFTemplate rendered = XWPFTemplate.compile(template, Configure.builder().build())) {
			rendered.render(model);
			dropBlankUnderlines(rendered.getXWPFDocument());
			rendered.write(out);
		}
	}

	/**
	 * poi-tl copies run styles through POI getters that add an underline element without
	 * a value ({@code <w:u/>}) to every run it writes; Word may draw that as an
	 * underline.
	 */
	static void dropBlankUnderlines(XWPFDocument doc) {
		for (XWPFParagraph p : doc.getParagraphs()) {
			for (XWPFRun run : p.getRuns()) {
				CTRPr pr = run.getCTR().getRPr();
				if (pr != null) {
					for (int i = pr.sizeOfUArray() - 1; i >= 0; i--) {
						if (!pr.getUArray(i).isSetVal()) {
							pr.removeU(i);
						}
					}
				}
			}
		}
	}

	/** The administrator's template when there is one, else the bundled one. */
	InputStream template() throws IOException {
		String configured = this.properties.template();
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			if (Files.isRegularFile(path)) {
				log.debug("Report template from {}", path);
				return Files.newInputStream(path);
			}
		}
		return new ClassPathResource(BUNDLED).getInputStream();
	}

	/** The file name of a report's download: its title. */
	public static String filename(ReportDocument doc) {
		return doc.title().replaceAll("[\\\\/:*?\"<>|]", "_") + ".docx";
	}

}

package io.parkops.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.parkops.report.ReportFigure;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the draft of a report from the sections the work lines contribute: the opening,
 * one numbered part per work line with data, 二、存在的问题 and 三、下阶段打算. It checks that every
 * figure marker has its figure, and keeps only the figures the texts refer to.
 */
@Component
public class ReportGenerator {

	public static final String OPENING = "opening";

	public static final String PROBLEMS = "problems";

	public static final String PLANS = "plans";

	public static final String WORK_PREFIX = "work.";

	/** The most records of one figure a report keeps. */
	static final int MAX_RECORDS = 200;

	private final ObjectProvider<ReportSectionContributor> contributors;

	public ReportGenerator(ObjectProvider<ReportSectionContributor> contributors) {
		this.contributors = contributors;
	}

	/** A part of the report: the opening, a work line, the problems or the plans. */
	public record Part(String key, String title, List<String> paragraphs) {
	}

	/**
	 * A generated draft: its parts in order, the figures the parts refer to, and the
	 * plans the work lines contributed (kept to renumber the plans when staff add
	 * theirs).
	 */
	public record Draft(String title, List<Part> parts, List<ReportFigure> figures, List<String> contributorPlans,
			List<String> topics) {
	}

	public Draft generate(ReportScope scope, List<String> staffPlans) {
		// a work report is a Chinese official document whatever the language of the
		// page that asks for it: names the work lines look up (industries) are Chinese
		LocaleContext caller = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			return generateInChinese(scope, staffPlans);
		}
		finally {
			LocaleContextHolder.setLocaleContext(caller);
		}
	}

	private Draft generateInChinese(ReportScope scope, List<String> staffPlans) {
		List<ReportSectionContributor> ordered = this.contributors.stream()
			.sorted(Comparator.comparingInt(ReportSectionContributor::order)
				.thenComparing((c) -> c.getClass().getName()))
			.toList();
		List<ReportSection> sections = new ArrayList<>();
		for (ReportSectionContributor contributor : ordered) {
			Optional<ReportSection> section = contributor.contribute(scope);
			section.ifPresent((s) -> {
				check(contributor, s, sections);
				sections.add(withRecordsPermission(s, contributor.recordsPermission()));
			});
		}
		return assemble(scope, sections, staffPlans);
	}

	static Draft assemble(ReportScope scope, List<ReportSection> sections, List<String> staffPlans) {
		List<Part> work = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<String> contributorPlans = new ArrayList<>();
		Map<String, ReportFigure> figures = new LinkedHashMap<>();
		List<String> titles = new ArrayList<>();
		for (ReportSection section : sections) {
			work.add(new Part(WORK_PREFIX + section.key(), ReportWriting.partTitle(work.size() + 1, section.title()),
					section.paragraphs()));
			titles.add(section.title());
			problems.addAll(section.problems());
			contributorPlans.addAll(section.plans());
			section.figures().forEach((f) -> figures.put(f.id(), bounded(f)));
		}
		List<Part> parts = new ArrayList<>();
		parts.add(new Part(OPENING, "", List.of(ReportWriting.opening(scope, titles, problems.size()))));
		parts.addAll(work);
		List<String> numbered = new ArrayList<>();
		for (int i = 0; i < problems.size(); i++) {
			numbered.add(ReportWriting.ordinal(i + 1, problems.get(i)));
		}
		if (numbered.isEmpty()) {
			numbered.add(ReportWriting.noProblems(scope, titles));
		}
		parts.add(new Part(PROBLEMS, ReportWriting.PROBLEMS_TITLE, numbered));
		parts.add(plans(scope, contributorPlans, staffPlans));
		List<String> texts = parts.stream().flatMap((p) -> p.paragraphs().stream()).toList();
		List<ReportFigure> referenced = Markers.ids(texts).stream().map(figures::get).toList();
		return new Draft(ReportWriting.title(scope.zoneName(), scope.period()), parts, referenced,
				List.copyOf(contributorPlans), List.copyOf(titles));
	}

	/**
	 * 三、下阶段打算: the work lines' plans, then the staff's, numbered 一是, 二是, …
	 */
	public static Part plans(ReportScope scope, List<String> contributorPlans, List<String> staffPlans) {
		List<String> all = new ArrayList<>(contributorPlans);
		all.addAll(staffPlans);
		List<String> numbered = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			numbered.add(ReportWriting.ordinal(i + 1, ReportWriting.sentence(all.get(i))));
		}
		if (numbered.isEmpty()) {
			numbered.add(ReportWriting.noPlans(scope));
		}
		return new Part(PLANS, ReportWriting.plansTitle(scope.period()), numbered);
	}

	/**
	 * A contributor's section must be well formed: a key of its own, figure ids unique in
	 * the report, and every marker naming one of its figures. A broken contributor is a
	 * programming error, reported with its class.
	 */
	static void check(ReportSectionContributor contributor, ReportSection section, List<ReportSection> earlier) {
		String who = contributor.getClass().getName();
		if (!Markers.validId(section.key()) || section.title() == null || section.title().isBlank()) {
			throw new IllegalStateException(who + " contributed a section without a valid key and title");
		}
		Set<String> others = new HashSet<>();
		for (ReportSection e : earlier) {
			if (e.key().equals(section.key())) {
				throw new IllegalStateException(who + " contributed the section key " + section.key() + " twice");
			}
			e.figures().forEach((f) -> others.add(f.id()));
		}
		Set<String> own = new HashSet<>();
		for (ReportFigure f : section.figures()) {
			if (!Markers.validId(f.id()) || f.text() == null || f.text().isBlank()) {
				throw new IllegalStateException(who + " contributed a figure without a valid id and text: " + f.id());
			}
			if (!own.add(f.id()) || others.contains(f.id())) {
				throw new IllegalStateException(who + " contributed the figure id " + f.id() + " twice");
			}
		}
		List<String> texts = new ArrayList<>(section.paragraphs());
		texts.addAll(section.problems());
		texts.addAll(section.plans());
		for (String id : Markers.ids(texts)) {
			if (!own.contains(id)) {
				throw new IllegalStateException(who + " refers to the figure {{" + id + "}} it did not contribute");
			}
		}
	}

	/** The source key naming the permission a reader needs to see a figure's records. */
	public static final String RECORDS_PERMISSION = "recordsPermission";

	/** Each figure of the section remembers who may read its records. */
	static ReportSection withRecordsPermission(ReportSection section, String permission) {
		if (permission == null) {
			return section;
		}
		List<ReportFigure> figures = section.figures().stream().map((f) -> {
			Map<String, Object> source = new LinkedHashMap<>(f.source());
			source.put(RECORDS_PERMISSION, permission);
			return new ReportFigure(f.id(), f.text(), f.explanation(), source);
		}).toList();
		return new ReportSection(section.key(), section.title(), section.paragraphs(), section.problems(),
				section.plans(), figures);
	}

	/**
	 * A figure whose source lists (records, enterprises) hold at most
	 * {@link #MAX_RECORDS} entries each, with the full count kept ({@code recordCount}
	 * for {@code records}, {@code <key>Count} for the others): a zone of thousands of
	 * enterprises must not store thousands of codes with every figure.
	 */
	static ReportFigure bounded(ReportFigure figure) {
		Map<String, Object> source = null;
		for (Map.Entry<String, Object> e : figure.source().entrySet()) {
			if (e.getValue() instanceof List<?> list && list.size() > MAX_RECORDS) {
				if (source == null) {
					source = new LinkedHashMap<>(figure.source());
				}
				source.put(e.getKey(), new ArrayList<>(list.subList(0, MAX_RECORDS)));
				source.putIfAbsent(e.getKey().equals("records") ? "recordCount" : e.getKey() + "Count", list.size());
			}
		}
		return (source != null) ? new ReportFigure(figure.id(), figure.text(), figure.explanation(), source) : figure;
	}

}

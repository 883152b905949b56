package io.parkops.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figure markers {@code {{figure-id}}} in report texts: finding them, replacing them
 * by the figures' texts, and splitting a text into plain and figure pieces for the page.
 */
public final class Markers {

	static final Pattern MARKER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*}}");

	static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private Markers() {
	}

	/** The ids the texts refer to, in the order of first appearance. */
	public static Set<String> ids(List<String> texts) {
		Set<String> ids = new LinkedHashSet<>();
		for (String text : texts) {
			Matcher m = MARKER.matcher(text);
			while (m.find()) {
				ids.add(m.group(1));
			}
		}
		return ids;
	}

	static boolean validId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/**
	 * The text with each marker replaced; a marker the function answers null for is kept
	 * as it is.
	 */
	public static String replace(String text, Function<String, String> figureText) {
		Matcher m = MARKER.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String replacement = figureText.apply(m.group(1));
			m.appendReplacement(sb, Matcher.quoteReplacement((replacement != null) ? replacement : m.group()));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	/** The text with the markers of the given figures replaced by their texts. */
	public static String plain(String text, Map<String, String> figureTexts) {
		return replace(text, figureTexts::get);
	}

	/** A piece of a text: plain text, or a figure ({@code figureId} set). */
	public record Piece(String text, String figureId) {

		public boolean figure() {
			return this.figureId != null;
		}

	}

	/** The text split into plain pieces and figures, for rendering with links. */
	public static List<Piece> pieces(String text, Map<String, String> figureTexts) {
		List<Piece> pieces = new ArrayList<>();
		Matcher m = MARKER.matcher(text);
		int at = 0;
		while (m.find()) {
			String figure = figureTexts.get(m.group(1));
			if (figure == null) {
				continue;
			}
			if (m.start() > at) {
				pieces.add(new Piece(text.substring(at, m.start()), null));
			}
			pieces.add(new Piece(figure, m.group(1)));
			at = m.end();
		}
		if (at < text.length()) {
			pieces.add(new Piece(text.substring(at), null));
		}
		return pieces;
	}

}

package io.parkops.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Something that happened to an enterprise in a work line, as a past-tense event record
 * the work line publishes ({@code HazardAccepted}, {@code MonthlyFiguresSubmitted}). The
 * enterprise module listens to every such event and writes it on the enterprise's
 * timeline (一企一档), in the transaction of the change; it never names a work line.
 */
public interface EnterpriseEvent {

	/** The enterprise's unified social credit code. */
	String creditCode();

	/** When it happened. */
	Instant occurredAt();

	/**
	 * Message key of the timeline sentence without its {@code event.} prefix (e.g.
	 * {@code safety.hazardAccepted}); the sentence is in the publishing module's bundles.
	 */
	String summaryKey();

	/** The one argument of the sentence ({0}), or null. */
	String summaryArgument();

	/**
	 * An amount as a sentence's argument: a bare number with at most two decimals and no
	 * trailing zeros (12.5), its unit coming from the message in the reader's language.
	 */
	static String amount(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** A page about the event, or null. */
	String link();

	/**
	 * The publishing module: the package after {@code io.parkops.}, e.g. {@code safety}.
	 */
	default String module() {
		String name = getClass().getPackageName();
		String base = "io.parkops.";
		String rest = name.startsWith(base) ? name.substring(base.length()) : name;
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}

package io.parkops.monitoring.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a factor and its unit are named to the reader: a factor's name as entered for its
 * point, except on English pages and exports, where a factor whose code is one of the HJ
 * 212-2017 codes listed in the messages ({@code monitoring.factorName.<code>}) takes its
 * standard English name; the unit 无量纲 in the reader's language.
 */
@Component
public class FactorNames {

	private static final String DIMENSIONLESS = "无量纲";

	private final MessageSource messages;

	FactorNames(MessageSource messages) {
		this.messages = messages;
	}

	/** The factor's name for the current reader; the code when it has no name. */
	public String name(String code, String name) {
		if (code != null && "en".equals(LocaleContextHolder.getLocale().getLanguage())) {
			String standard = this.messages.getMessage("monitoring.factorName." + code, null, null, Locale.ENGLISH);
			if (standard != null) {
				return standard;
			}
		}
		return (name != null) ? name : code;
	}

	/** The unit for the current reader; empty for none. */
	public String unit(String unit) {
		if (DIMENSIONLESS.equals(unit)) {
			return this.messages.getMessage("monitoring.unit.dimensionless", null, DIMENSIONLESS,
					LocaleContextHolder.getLocale());
		}
		return (unit != null) ? unit : "";
	}

}

package io.parkops.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ZoneSelection;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the service pages share: the current zone, paging and the outcome of a form as a
 * flash message (saved, or every problem named with its field).
 */
@Component
class ServicePages {

	static final int SIZE = 20;

	private final ZoneSelection zones;

	private final MessageSource messages;

	ServicePages(ZoneSelection zones, MessageSource messages) {
		this.zones = zones;
		this.messages = messages;
	}

	/** The current zone of a staff user; null for an enterprise user. */
	String zone() {
		return CurrentUser.get().isEnterpriseUser() ? null : this.zones.current();
	}

	static int pages(long total) {
		return (int) Math.max(1, (total + SIZE - 1) / SIZE);
	}

	String act(String target, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			List<String> texts = new ArrayList<>();
			ex.fieldProblems()
				.forEach((p) -> texts
					.add(message("service.field.problem", label(p.field()), message(p.messageKey(), p.args()))));
			redirect.addFlashAttribute("problemTexts", texts);
		}
		catch (ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(message(ex.messageKey(), ex.args())));
		}
		return target;
	}

	String text(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	String message(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** A field's label for a message, the field's name where it has none. */
	String label(String field) {
		return this.messages.getMessage("service.f." + field, null, field, LocaleContextHolder.getLocale());
	}

	static java.math.BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.badValue");
		}
	}

	static Integer whole(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.badValue");
		}
	}

	static List<String> split(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(text.split("[,，、;；\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

}

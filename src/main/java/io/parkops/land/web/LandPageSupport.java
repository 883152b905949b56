package io.parkops.land.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the land and assets pages share: the current zone, paging, flash messages and form
 * value parsing.
 */
@Component
class LandPageSupport {

	private final ZoneSelection zones;

	private final MessageSource messages;

	LandPageSupport(ZoneSelection zones, MessageSource messages) {
		this.zones = zones;
		this.messages = messages;
	}

	/** The current zone of a staff user; null for an enterprise user. */
	String zone() {
		return CurrentUser.get().isEnterpriseUser() ? null : this.zones.current();
	}

	/**
	 * The zone a page form writes to: the one it was shown for (its {@code zoneCode}
	 * field, checked against the user's scope by the service, 403 outside), else the
	 * current zone.
	 */
	String zone(String posted) {
		return (posted != null && !posted.isBlank()) ? posted.trim() : zone();
	}

	static int pages(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/** Runs a change and redirects, flashing "saved" or the problems. */
	String act(String target, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			List<String> texts = new ArrayList<>();
			ex.fieldProblems()
				.forEach(
						(p) -> texts.add(text("land.field.problem", label(p.field()), text(p.messageKey(), p.args()))));
			redirect.addFlashAttribute("problemTexts", texts);
		}
		catch (ConflictException | ForbiddenException | NotFoundException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return target;
	}

	/**
	 * {@link #act} for a versioned record: a stale version renders the form again (409)
	 * with what was typed.
	 */
	String versioned(Model model, HttpServletResponse response, String target, RedirectAttributes redirect,
			Supplier<String> again, Supplier<Object> action) {
		try {
			action.get();
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				return act(target, redirect, () -> {
					throw ex;
				});
			}
			Versions.showStale(model, response);
			return again.get();
		}
		catch (InvalidInputException | ForbiddenException ex) {
			return act(target, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return target;
	}

	private String label(String field) {
		String base = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
		base = base.replaceAll("\\[\\d+]", "");
		return this.messages.getMessage("land.form." + base, null, field, LocaleContextHolder.getLocale());
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	static BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim().replace(",", ""));
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

	static Long version(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("version", "error.badValue");
		}
	}

}

package io.parkops.safety.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the safety pages share: the current zone, paging, flash messages and form value
 * parsing.
 */
@Component
class PageSupport {

	private final ZoneSelection zones;

	private final MessageSource messages;

	PageSupport(ZoneSelection zones, MessageSource messages) {
		this.zones = zones;
		this.messages = messages;
	}

	/**
	 * The current zone of a staff user; null for an enterprise user, whose scope is its
	 * enterprise.
	 */
	String zone() {
		return CurrentUser.get().isEnterpriseUser() ? null : this.zones.current();
	}

	static int pages(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	String act(String target, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			flashProblems(redirect, ex);
		}
		catch (ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return target;
	}

	/**
	 * {@link #act} for a versioned record: on a stale version the page is rendered again
	 * (409) by {@code again} with what was typed and the notice that someone else changed
	 * the record ({@link Versions#showStale}).
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

	void flashProblems(RedirectAttributes redirect, InvalidInputException ex) {
		List<String> texts = new ArrayList<>();
		ex.fieldProblems()
			.forEach((p) -> texts
				.add(text("safety.field.problem", text("safety.form." + p.field()), text(p.messageKey(), p.args()))));
		redirect.addFlashAttribute("problemTexts", texts);
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	static byte[] bytes(MultipartFile file) {
		try {
			return (file != null) ? file.getBytes() : new byte[0];
		}
		catch (IOException ex) {
			throw InvalidInputException.of("file", "error.safety.photo.empty");
		}
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

	static String nz(String s) {
		return (s != null) ? s : "";
	}

	static String exportQuery(String path, Map<String, String> params) {
		org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
			.fromPath(path);
		params.forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				b.queryParam(k, v);
			}
		});
		return b.build().encode().toUriString();
	}

}

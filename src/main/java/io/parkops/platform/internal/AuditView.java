package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.parkops.platform.AuditTrail.AuditEntry;
import io.parkops.platform.ZoneTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit record as an auditor reads it: the time in the zone's time zone, the action
 * and the kind of record by name (code on hover), the address as IPv4 where it is one,
 * and before/after as a table of the fields that changed.
 */
@Component
class AuditView {

	private final MessageSource messages;

	private final ZoneTime zoneTime;

	private final JsonMapper json;

	AuditView(MessageSource messages, ZoneTime zoneTime, JsonMapper json) {
		this.messages = messages;
		this.zoneTime = zoneTime;
		this.json = json;
	}

	record Row(long seq, String time, String username, String action, String actionName, String entity,
			String entityName, String entityId, String address, List<FieldChange> changes, String before, String after,
			boolean failure) {
	}

	/**
	 * One field of a change; {@code changed} is false for fields that stayed the same.
	 */
	record FieldChange(String field, String before, String after, boolean changed) {
	}

	List<Row> rows(List<AuditEntry> entries) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Row> rows = new ArrayList<>();
		for (AuditEntry e : entries) {
			List<FieldChange> changes = changes(e.before(), e.after(), locale);
			rows.add(new Row(e.seq(), this.zoneTime.formatSeconds(e.occurredAt()), e.username(), e.action(),
					name("audit.action.", e.action(), locale), e.entity(), name("audit.entity.", e.entity(), locale),
					e.entityId(), address(e.remoteAddr()), changes, (changes == null) ? e.before() : null,
					(changes == null) ? e.after() : null, failure(e.action())));
		}
		return rows;
	}

	/**
	 * The name of a code under a message prefix; the code itself only when none exists.
	 */
	String name(String prefix, String code, Locale locale) {
		if (code == null) {
			return "";
		}
		return this.messages.getMessage(prefix + code, null, code, locale);
	}

	static boolean failure(String action) {
		return action != null && (action.endsWith("FAILURE") || action.endsWith("DENIED"));
	}

	/** {@code ::1} and IPv4-mapped IPv6 addresses as the IPv4 address people know. */
	static String address(String address) {
		if (address == null) {
			return "";
		}
		if (address.equals("::1") || address.equals("0:0:0:0:0:0:0:1")) {
			return "127.0.0.1";
		}
		if (address.startsWith("::ffff:") && address.indexOf('.') > 0) {
			return address.substring(7);
		}
		return address;
	}

	/**
	 * Before and after as field rows when both are JSON objects (or one is absent); null
	 * when they are not objects, so that the page shows them as text.
	 */
	List<FieldChange> changes(String before, String after, Locale locale) {
		if (before == null && after == null) {
			return List.of();
		}
		JsonNode b = parse(before);
		JsonNode a = parse(after);
		if ((before != null && (b == null || !b.isObject())) || (after != null && (a == null || !a.isObject()))) {
			return null;
		}
		Set<String> fields = new LinkedHashSet<>();
		if (b != null) {
			b.propertyNames().forEach(fields::add);
		}
		if (a != null) {
			a.propertyNames().forEach(fields::add);
		}
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			String was = text((b != null) ? b.get(field) : null);
			String is = text((a != null) ? a.get(field) : null);
			changes.add(new FieldChange(field, was, is, !was.equals(is)));
		}
		changes.sort((x, y) -> Boolean.compare(y.changed(), x.changed()));
		return changes;
	}

	private JsonNode parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return "";
		}
		if (node.isValueNode()) {
			return node.asString();
		}
		return node.toString();
	}

}

package io.parkops.platform;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The zone a staff member is working in on the pages (the zone switcher in the top bar):
 * the one chosen in this session, else the first zone the user may see.
 */
@Component
public class ZoneSelection {

	static final String ATTRIBUTE = "parkops.zone";

	private final ZoneDirectory zones;

	public ZoneSelection(ZoneDirectory zones) {
		this.zones = zones;
	}

	/** The zones the current user may switch between. */
	public List<ZoneDirectory.Zone> selectable() {
		CurrentUser user = CurrentUser.get();
		return this.zones.zones().stream().filter((z) -> user.canSeeZone(z.code())).toList();
	}

	/**
	 * The current zone code, or null when the user sees no zone (e.g. an enterprise
	 * user).
	 */
	public String current() {
		HttpSession session = session();
		Object chosen = (session != null) ? session.getAttribute(ATTRIBUTE) : null;
		CurrentUser user = CurrentUser.get();
		if (chosen instanceof String code && user.canSeeZone(code) && this.zones.zone(code).isPresent()) {
			return code;
		}
		List<ZoneDirectory.Zone> selectable = selectable();
		return selectable.isEmpty() ? null : selectable.get(0).code();
	}

	public void choose(String zoneCode) {
		CurrentUser.get().checkZone(zoneCode);
		this.zones.require(zoneCode);
		HttpSession session = session();
		if (session != null) {
			session.setAttribute(ATTRIBUTE, zoneCode);
		}
	}

	private static HttpSession session() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getSession(false);
		}
		return null;
	}

}

package io.parkops.enterprise.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.parkops.platform.Inputs;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.internal.EnterpriseQuery;
import io.parkops.enterprise.internal.EnterpriseService;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ParkOpsException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneSelection;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The searchable enterprise picker of every form that chooses enterprises (inspections,
 * penalties, complaints): a server-side search by name, credit code, area and industry
 * within the user's scope, answered as JSON to {@code static/js/enterprise-picker.js};
 * the fragment {@code fragments/enterprise-picker} reads its options and chips from this
 * bean ({@code @enterprisePicker}).
 */
@Controller("enterprisePicker")
public class EnterprisePicker {

	static final int LIMIT = 20;

	private final EnterpriseService enterprises;

	private final ZoneSelection zones;

	private final ZoneDirectory zoneDirectory;

	EnterprisePicker(EnterpriseService enterprises, ZoneSelection zones, ZoneDirectory zoneDirectory) {
		this.enterprises = enterprises;
		this.zones = zones;
		this.zoneDirectory = zoneDirectory;
	}

	/** One enterprise as the picker shows it: name, code, area and industry by name. */
	public record Choice(String creditCode, String name, String areaName, String industryName) {
	}

	/** An option of the area or industry filter. */
	public record Option(String code, String name) {
	}

	@GetMapping("/enterprises/picker")
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ENTERPRISE)
	@ResponseBody
	List<Choice> search(@RequestParam(required = false) String q, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry) {
		CurrentUser me = CurrentUser.get();
		String zone = me.isEnterpriseUser() ? null : this.zones.current();
		if (zone == null && !me.isEnterpriseUser()) {
			return List.of();
		}
		EnterpriseQuery query = new EnterpriseQuery(zone, Inputs.trim(q), Inputs.trim(area), Inputs.trim(industry),
				null, null, null, null, 0, LIMIT);
		return choices(this.enterprises.list(query).items());
	}

	/**
	 * The enterprises already chosen, for the chips of a form shown again; a code the
	 * user may not see (or that names no enterprise) gets no chip.
	 */
	public List<Choice> chips(Collection<String> creditCodes) {
		if (creditCodes == null || creditCodes.isEmpty()) {
			return List.of();
		}
		List<Choice> chips = new ArrayList<>();
		for (String code : creditCodes) {
			if (code != null && !code.isBlank()) {
				String name = visibleName(code.trim());
				if (name != null) {
					chips.add(new Choice(code.trim(), name, null, null));
				}
			}
		}
		return chips;
	}

	/**
	 * The one chosen code of a single-choice picker as a list; empty for a blank code.
	 */
	public List<String> codes(String creditCode) {
		return (creditCode != null && !creditCode.isBlank()) ? List.of(creditCode) : List.of();
	}

	/** The areas of the current zone. */
	public List<Option> areas() {
		String zone = this.zones.current();
		if (zone == null) {
			return List.of();
		}
		return this.zoneDirectory.zone(zone)
			.map((z) -> z.areas().stream().map((a) -> new Option(a.code(), a.label())).toList())
			.orElse(List.of());
	}

	/** The industry divisions (GB/T 4754-2017). */
	public List<Option> industries() {
		return this.enterprises.divisions()
			.stream()
			.map((d) -> new Option(d.code(), d.code() + " " + d.name()))
			.toList();
	}

	private List<Choice> choices(List<Enterprise> items) {
		Map<String, String> areaNames = new java.util.HashMap<>();
		for (Option a : areas()) {
			areaNames.put(a.code(), a.name());
		}
		return items.stream()
			.map((e) -> new Choice(e.creditCode(), e.name(),
					(e.areaCode() != null) ? areaNames.getOrDefault(e.areaCode(), e.areaCode()) : null,
					e.industryName()))
			.toList();
	}

	/** The name of an enterprise the user may see; the code itself otherwise. */
	private String visibleName(String code) {
		try {
			return this.enterprises.requireVisible(code).name();
		}
		catch (ParkOpsException ex) {
			return null;
		}
	}

}

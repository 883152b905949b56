package io.parkops.land.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.land.internal.AssetService;
import io.parkops.land.internal.Kinds;
import io.parkops.land.internal.LandCommands;
import io.parkops.land.internal.LandService;
import io.parkops.land.internal.LandStatistics;
import io.parkops.land.internal.LandViews.Page;
import io.parkops.land.internal.LandViews.ParcelView;
import io.parkops.land.internal.LandViews.SupplyView;
import io.parkops.land.internal.PerMuService;
import io.parkops.platform.AccessScope;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.RouteAccess;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of land (土地): the parcel list and file, the map, expropriation, batches and
 * supply, idle land and disposals, and the statistics.
 */
@Controller
class LandPagesController {

	private static final int PAGE_SIZE = 20;

	private final LandService land;

	private final LandStatistics statistics;

	private final PerMuService perMu;

	private final AssetService assets;

	private final EnterpriseRegistry enterprises;

	private final LandPageSupport support;

	private final JsonMapper json;

	LandPagesController(LandService land, LandStatistics statistics, PerMuService perMu, AssetService assets,
			EnterpriseRegistry enterprises, LandPageSupport support, JsonMapper json) {
		this.land = land;
		this.statistics = statistics;
		this.perMu = perMu;
		this.assets = assets;
		this.enterprises = enterprises;
		this.support = support;
		this.json = json;
	}

	private static LocalDate today() {
		return LocalDate.now(io.parkops.platform.ZoneTime.zone());
	}

	// ---- parcels

	/** The zone the page's forms write to (sent back as their zoneCode). */
	@org.springframework.web.bind.annotation.ModelAttribute("formZone")
	String formZone() {
		return this.support.zone();
	}

	@GetMapping("/land/parcels")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	String parcels(@RequestParam(required = false) String status, @RequestParam(required = false) String use,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		String zone = this.support.zone();
		Page<ParcelView> result = (zone != null) ? this.land.parcels(zone, status, use, q, Math.max(page, 0), PAGE_SIZE)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", LandPageSupport.pages(result.total(), PAGE_SIZE));
		model.addAttribute("status", status);
		model.addAttribute("use", use);
		model.addAttribute("q", q);
		model.addAttribute("statuses", Kinds.ParcelStatus.values());
		model.addAttribute("uses", Kinds.ParcelUse.values());
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
		return "land/parcels";
	}

	@PostMapping("/land/parcels")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String registerParcel(@RequestParam(required = false) String zoneCode, @RequestParam(required = false) String code,
			@RequestParam(required = false) String areaMu, @RequestParam(required = false) String use,
			@RequestParam(required = false) String status, @RequestParam(required = false) String ownerCreditCode,
			@RequestParam(required = false) String location, @RequestParam(required = false) String geometry,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/land/parcels", redirect,
				() -> this.land.registerParcel(new LandCommands.RegisterParcel(this.support.zone(zoneCode), code,
						LandPageSupport.decimal(areaMu, "areaMu"), use, status, ownerCreditCode, location,
						geometry(geometry))));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> geometry(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return this.json.readValue(text, Map.class);
		}
		catch (RuntimeException ex) {
			throw InvalidInputException.of("geometry", "error.land.geometry");
		}
	}

	@GetMapping("/land/parcels/{id:\\d+}")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	String parcel(@PathVariable long id, Model model) {
		ParcelView parcel = this.land.parcel(id);
		if (parcel.ownerCreditCode() != null) {
			parcel = parcel
				.withOwnerName(this.enterprises.names(List.of(parcel.ownerCreditCode())).get(parcel.ownerCreditCode()));
		}
		model.addAttribute("parcel", parcel);
		model.addAttribute("geometryJson", this.json.writeValueAsString(parcel.geometry()));
		SupplyView supply = this.land.supplyOfParcel(id).orElse(null);
		model.addAttribute("supply", supply);
		model.addAttribute("check",
				(supply != null && supply.standardLand() != null)
						? this.land.standardLandChecks(parcel.zoneCode(), false)
							.stream()
							.filter((c) -> c.supplyId() == supply.id())
							.findFirst()
							.orElse(null)
						: null);
		model.addAttribute("statuses", Kinds.ParcelStatus.values());
		model.addAttribute("methods", Kinds.DisposalMethod.values());
		model.addAttribute("today", today());
		return "land/parcel";
	}

	@PostMapping("/land/parcels/{id:\\d+}/change")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String changeParcel(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String inefficient, @RequestParam(required = false) String version,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return this.support.versioned(model, response, "redirect:/land/parcels/" + id, redirect, () -> {
			parcel(id, model);
			return "land/parcel";
		}, () -> this.land.changeParcel(id, new LandCommands.ChangeParcel(status, null, "true".equals(inefficient),
				LandPageSupport.version(version))));
	}

	@PostMapping("/land/supplies/{id:\\d+}/progress")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String recordProgress(@PathVariable long id, @RequestParam long parcelId,
			@RequestParam(required = false) String startedOn, @RequestParam(required = false) String developedPct,
			@RequestParam(required = false) String investedPct, @RequestParam(required = false) String stoppedOn,
			@RequestParam(required = false) String version, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.support.versioned(model, response, "redirect:/land/parcels/" + parcelId, redirect, () -> {
			parcel(parcelId, model);
			model.addAttribute("typedProgress",
					new LandCommands.RecordProgress(startedOn, null, null, stoppedOn, null));
			return "land/parcel";
		}, () -> this.land.recordProgress(id,
				new LandCommands.RecordProgress(startedOn, LandPageSupport.decimal(developedPct, "developedPct"),
						LandPageSupport.decimal(investedPct, "investedPct"), stoppedOn,
						LandPageSupport.version(version))));
	}

	@PostMapping("/land/supplies/{id:\\d+}/as-built")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String recordAsBuilt(@PathVariable long id, @RequestParam long parcelId,
			@RequestParam(required = false) String plotRatio,
			@RequestParam(required = false) String buildingCoefficient, @RequestParam(required = false) String on,
			@RequestParam(required = false) String version, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.support.versioned(model, response, "redirect:/land/parcels/" + parcelId, redirect, () -> {
			parcel(parcelId, model);
			return "land/parcel";
		}, () -> this.land.recordAsBuilt(id,
				new LandCommands.RecordAsBuilt(LandPageSupport.decimal(plotRatio, "plotRatio"),
						LandPageSupport.decimal(buildingCoefficient, "buildingCoefficient"), on,
						LandPageSupport.version(version))));
	}

	@PostMapping("/land/supplies/{id:\\d+}/notices")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String issueNotice(@PathVariable long id, @RequestParam long parcelId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String on, RedirectAttributes redirect) {
		return this.support.act("redirect:/land/parcels/" + parcelId, redirect,
				() -> this.land.issueNotice(id, new LandCommands.IssueIdleNotice(kind, on)));
	}

	// ---- map

	@GetMapping("/land/map")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	String map(Model model) {
		model.addAttribute("statuses", Kinds.ParcelStatus.values());
		return "land/map";
	}

	/**
	 * The zone's parcels for the map: each with its rings, status and the owner's latest
	 * per-mu class; the labels in the reader's language.
	 */
	@GetMapping(value = "/land/map/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@org.springframework.web.bind.annotation.ResponseBody
	Map<String, Object> mapData() {
		return mapOf(this.support.zone());
	}

	/**
	 * The same for the API: the parcels of a zone with their boundaries, status and
	 * class.
	 */
	@GetMapping(value = "/api/v1/land/map", produces = MediaType.APPLICATION_JSON_VALUE)
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@org.springframework.web.bind.annotation.ResponseBody
	Map<String, Object> mapApi(@RequestParam String zone) {
		String z = io.parkops.platform.Inputs.trim(zone);
		if (z == null) {
			throw InvalidInputException.of("zone", "error.required");
		}
		return mapOf(z);
	}

	private Map<String, Object> mapOf(String zone) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<Map<String, Object>> parcels = new ArrayList<>();
		if (zone != null) {
			Map.Entry<Integer, Map<String, String>> classes = this.perMu.latestClasses(zone);
			data.put("classYear", classes.getKey());
			for (var row : this.land.mapParcels(zone)) {
				Map<String, Object> p = new LinkedHashMap<>();
				p.put("id", row.id());
				p.put("code", row.code());
				p.put("areaMu", row.areaMu().setScale(2, java.math.RoundingMode.HALF_UP));
				p.put("status", row.status());
				p.put("cls", (row.ownerCreditCode() != null) ? classes.getValue().get(row.ownerCreditCode()) : null);
				p.put("inefficient", row.inefficient());
				p.put("geometry", row.geometry());
				parcels.add(p);
			}
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (Kinds.ParcelStatus s : Kinds.ParcelStatus.values()) {
			labels.put(s.name(), this.support.text("land.parcelStatus." + s.name()));
		}
		for (String c : List.of("A", "B", "C", "D")) {
			labels.put(c, this.support.text("land.class." + c));
		}
		labels.put("none", this.support.text("land.map.noClass"));
		data.put("labels", labels);
		data.put("parcels", parcels);
		return data;
	}

	// ---- expropriation, batches, supply

	@GetMapping("/land/supplies")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	String supplies(@RequestParam(required = false) String tab, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String zone = this.support.zone();
		// one list at a time (supplies, 标准地 checks, batches, expropriations), paged
		String shown = switch ((tab != null) ? tab : "") {
			case "checks", "batches", "expropriations" -> tab;
			default -> "supplies";
		};
		List<?> all = (zone == null) ? List.of() : switch (shown) {
			case "checks" -> this.land.standardLandChecks(zone, false);
			case "batches" -> this.land.batches(zone);
			case "expropriations" -> this.land.expropriations(zone, null, null);
			default -> this.land.supplies(zone);
		};
		// a check lists each of its indicators on a line of its own
		int size = shown.equals("checks") ? PAGE_SIZE / 2 : PAGE_SIZE;
		int p = Math.max(page, 0);
		model.addAttribute("tab", shown);
		model.addAttribute(shown, all.stream().skip((long) p * size).limit(size).toList());
		model.addAttribute("total", all.size());
		model.addAttribute("page", p);
		model.addAttribute("pages", LandPageSupport.pages(all.size(), size));
		model.addAttribute("zoneEnterprises",
				(zone != null && shown.equals("supplies")) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("batchStatuses", Kinds.BatchStatus.values());
		model.addAttribute("today", today());
		return "land/supplies";
	}

	@PostMapping("/land/supplies")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String recordSupply(@RequestParam(required = false) String zoneCode,
			@RequestParam(required = false) String parcelCode, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String areaMu, @RequestParam(required = false) String price,
			@RequestParam(required = false) String buyerCreditCode, @RequestParam(required = false) String on,
			@RequestParam(required = false) String agreedStartOn,
			@RequestParam(required = false) String investmentIntensity,
			@RequestParam(required = false) String plotRatio,
			@RequestParam(required = false) String buildingCoefficient, @RequestParam(required = false) String remedy,
			@RequestParam(required = false) String taxPerMu, @RequestParam(required = false) String energyPerValue,
			@RequestParam(required = false) String capacityOn, @RequestParam(required = false) String standard,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/land/supplies", redirect, () -> {
			LandCommands.StandardLand s = "true".equals(standard)
					? new LandCommands.StandardLand(LandPageSupport.decimal(investmentIntensity, "investmentIntensity"),
							LandPageSupport.decimal(plotRatio, "plotRatio"),
							LandPageSupport.decimal(buildingCoefficient, "buildingCoefficient"),
							LandPageSupport.decimal(taxPerMu, "taxPerMu"),
							LandPageSupport.decimal(energyPerValue, "energyPerValue"), capacityOn, remedy)
					: null;
			return this.land.recordSupply(new LandCommands.RecordSupply(this.support.zone(zoneCode), parcelCode, kind,
					LandPageSupport.decimal(areaMu, "areaMu"), LandPageSupport.decimal(price, "price"), buyerCreditCode,
					on, agreedStartOn, s));
		});
	}

	@PostMapping("/land/batches")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String registerBatch(@RequestParam(required = false) String zoneCode, @RequestParam(required = false) String name,
			@RequestParam(required = false) String areaMu, @RequestParam(required = false) String status,
			@RequestParam(required = false) String on, RedirectAttributes redirect) {
		return this.support.act("redirect:/land/supplies?tab=batches", redirect,
				() -> this.land.registerBatch(new LandCommands.RegisterBatch(this.support.zone(zoneCode), name,
						LandPageSupport.decimal(areaMu, "areaMu"), status, on)));
	}

	@PostMapping("/land/batches/{id:\\d+}/status")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String moveBatch(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String on, RedirectAttributes redirect) {
		return this.support.act("redirect:/land/supplies?tab=batches", redirect,
				() -> this.land.moveBatch(id, new LandCommands.BatchStatus(status, on)));
	}

	@PostMapping("/land/expropriations")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String recordExpropriation(@RequestParam(required = false) String zoneCode,
			@RequestParam(required = false) String on, @RequestParam(required = false) String areaMu,
			@RequestParam(required = false) String households, @RequestParam(required = false) String graves,
			@RequestParam(required = false) String housesM2, @RequestParam(required = false) String compensation,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/land/supplies?tab=expropriations", redirect,
				() -> this.land.recordExpropriation(new LandCommands.RecordExpropriation(this.support.zone(zoneCode),
						on, LandPageSupport.decimal(areaMu, "areaMu"), LandPageSupport.whole(households, "households"),
						LandPageSupport.whole(graves, "graves"), LandPageSupport.decimal(housesM2, "housesM2"),
						LandPageSupport.decimal(compensation, "compensation"))));
	}

	// ---- idle land and disposals

	@GetMapping("/land/idle")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	String idle(Model model) {
		String zone = this.support.zone();
		List<SupplyView> idle = (zone != null) ? this.land.idle(zone) : List.of();
		model.addAttribute("idle", idle);
		model.addAttribute("disposals", (zone != null) ? this.land.disposals(zone, null, null, null) : List.of());
		model.addAttribute("kinds", Kinds.DisposalKind.values());
		model.addAttribute("methods", Kinds.DisposalMethod.values());
		model.addAttribute("today", today());
		return "land/idle";
	}

	@PostMapping("/land/disposals")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	String recordDisposal(@RequestParam(required = false) String zoneCode, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String method, @RequestParam(required = false) String areaMu,
			@RequestParam(required = false) String on, @RequestParam(required = false) String parcelCode,
			@RequestParam(required = false) String note, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		String target = (back != null && back.matches("/land/parcels/\\d+")) ? "redirect:" + back
				: "redirect:/land/idle";
		return this.support.act(target, redirect,
				() -> this.land.recordDisposal(new LandCommands.RecordDisposal(this.support.zone(zoneCode), kind,
						method, LandPageSupport.decimal(areaMu, "areaMu"), on, parcelCode, note)));
	}

	// ---- statistics

	@GetMapping("/land/statistics")
	@RouteAccess(permission = "land:statistics:read", scope = AccessScope.ZONE)
	String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		String zone = this.support.zone();
		LocalDate t = (to != null) ? to : today();
		LocalDate f = (from != null) ? from : t.withDayOfYear(1);
		if (t.isBefore(f)) {
			f = t.withDayOfYear(1);
		}
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		if (zone != null) {
			model.addAttribute("summary", this.statistics.summary(zone, f, t));
			model.addAttribute("assets", this.assets.summary(zone, f, t));
			model.addAttribute("evaluation", this.perMu.latestEvaluationForReport(zone, t.getYear()).orElse(null));
		}
		return "land/statistics";
	}

}
